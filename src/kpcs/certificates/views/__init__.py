"""The certificate pages, on the same services and selectors as the API: browsing (list, detail, PDF, alerts),
drafting (new draft, replacement, inline validation), the actions on a certificate, and public verification."""
