"""What editors write, read and checked: front matter, the validator (personal data,
placeholders, active content, links), profiles, skeletons, the check of all content.

Imports the domain only, never Pelican (the site's slugify comes from the caller).
"""
