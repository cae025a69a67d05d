"""The share of the editors' admin strings that come out in Indonesian (goal: 100%).

Prints one line per gettext domain; `--missing FILE` writes the untranslated ones as a PO file
to translate into locale_upstream/; `--fail-under` makes it a CI check.
"""

from django.core.management.base import BaseCommand, CommandError

from citynet.catalogue_coverage import DOMAINS, coverage, missing_as_po


class Command(BaseCommand):
    help = "Report how many admin strings editors meet are in Indonesian (goal: 100%)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", metavar="FILE", help="write untranslated strings here")
        parser.add_argument(
            "--fail-under", type=float, default=None, help="exit non-zero below this percentage"
        )

    def handle(self, *args, missing=None, fail_under=None, **options):
        if fail_under is not None and not 0 <= fail_under <= 100:
            raise CommandError("--fail-under must be between 0 and 100")
        results = [coverage(domain) for domain in DOMAINS]
        for result in results:
            self.stdout.write(
                f"{result.domain:<9} {result.translated:>5} of {result.total:>5} translated "
                f"({result.percent:.1f}%)"
            )
            for message in result.missing[:20]:
                self.stdout.write(f"  missing [{message.app}] {message.msgid[:90]!r}")
        if missing:
            missing_as_po(results).save(missing)
            self.stdout.write(f"untranslated strings written to {missing}")
        worst = min(result.percent for result in results)
        if fail_under is not None and worst < fail_under:
            raise CommandError(f"Indonesian admin coverage {worst:.1f}% is below {fail_under}%")
