# Accounts use django.contrib.auth's User; roles and per-object access come with the profile.
