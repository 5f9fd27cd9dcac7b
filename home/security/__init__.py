"""Login hardening: the lockout after repeated wrong passwords (django-axes, ``lockout.py``),
the client's address behind a proxy (``client_ip.py``) and the secretariat's unlock page in
the admin (``admin_views.py``). Two-factor authentication lives in ``home.two_factor``."""
