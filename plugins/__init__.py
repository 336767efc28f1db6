"""The built-in rules of qalint, one module per rule, grouped by family.

Installed as ``qalint_plugins``. Each family package is a plugin: its
``qalint_register_rules`` hook returns the rule classes of its modules.
"""
