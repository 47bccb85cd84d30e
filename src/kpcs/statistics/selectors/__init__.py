"""Reads of statistics: current figures, the summary, timeliness, anomalies, mirror, valuation, reconciliation."""
