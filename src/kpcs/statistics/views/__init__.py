"""Statistics pages: public summary, WGS analyses, submissions, national detail, questionnaires."""
