"""The register and the other entity kinds as spreadsheets: export to XLSX, CSV and JSON, import from XLSX and CSV."""
