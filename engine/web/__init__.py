"""`plancheck serve`: the web page for drafting offices and the HTTP API for other systems.

service.py runs the CLI's pipeline on uploads (safely shared between requests); app.py is the
Starlette application; templates/ and static/ are everything the browser loads (no network).
"""
