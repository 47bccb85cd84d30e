"""Pure (Django-free) peer-review visit schedule optimiser for the KP Working Group on Monitoring.

Public API: ``model.parse_plan_input``, ``solver.plan``, ``validator.validate_plan``,
``explain.explain_infeasibility``, ``messages.render``, ``generate.generate_case``,
``cli.main``. Nothing is imported here so that the model and the validator stay
usable without loading OR-Tools.
"""
