"""What readers see, in French: formatting through Babel, phrasing, the case box,
merchant sentences, the trend chart, next steps, JSON-LD, the Jinja filters.

Imports the domain and the editorial layer, never Pelican.
"""
