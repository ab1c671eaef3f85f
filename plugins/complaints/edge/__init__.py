"""The only layer that imports Pelican: ``register()`` (:mod:`.plugin`), every setting
(:mod:`.settings`), the reader, the generators, the writer, the output folder, the
search index, the preview's refresh. Pelican's private API: :mod:`.pelican_internals`.
"""
