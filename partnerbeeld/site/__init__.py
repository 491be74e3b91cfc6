"""`partnerbeeld site`: the partner picture as a static, searchable website that works offline.

``build_site(dataset, folder, SiteOptions(...))`` writes HTML, CSS and a little
JavaScript (templates/site/) into a folder that works from file://, a USB stick
or any static web host. See build.py for what is written, folder.py for how.
"""

from partnerbeeld.site.build import Built, SiteOptions, build_site

__all__ = ["Built", "SiteOptions", "build_site"]
