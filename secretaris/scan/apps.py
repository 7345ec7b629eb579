from django.apps import AppConfig


class ScanConfig(AppConfig):
    name = "secretaris.scan"
    verbose_name = "Ontwikkelscans"

    def ready(self) -> None:
        from secretaris.scan import reporting
        from secretaris.scan.hooks import scan_closed

        scan_closed.connect(reporting.on_scan_closed, dispatch_uid="scan-freeze-report")
