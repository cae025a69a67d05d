"""The public registration form and the secretariat's attendance form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citynet.models import CityPage
from citynet.text import validate_plain_text, validate_single_line
from citynet.visibility import public_pages

from .models import Registration

HONEYPOT = "website"


class RegistrationForm(forms.ModelForm):
    """Name, email, organisation, member city (or another place), role and needs.

    `website` is a honeypot: hidden from people (and from assistive technology), filled
    in by bots that complete every field. No third-party captcha is involved."""

    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "city", "other_city", "role", "needs"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "city": _("Choose your member city, or leave empty and type your city below."),
            "needs": _("Accessibility, interpretation or dietary needs, if any."),
        }

    def __init__(self, *args, locale_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        cities = public_pages(CityPage.objects.order_by("title"))
        if locale_id is not None:
            cities = cities.filter(locale_id=locale_id)
        self.fields["city"].queryset = cities
        # Names and organisations end up in the emails' lines: one line each.
        for name in ("name", "organisation", "other_city", "role"):
            self.fields[name].validators.append(validate_single_line)
        self.fields["needs"].validators.append(validate_plain_text)
        self.fields["city"].empty_label = _("Other (not a member city)")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields[HONEYPOT].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("city") and not (cleaned.get("other_city") or "").strip():
            self.add_error(
                "other_city",
                _("Choose your member city above, or type the name of your city or region."),
            )
        if cleaned.get("city"):
            cleaned["other_city"] = ""
        return cleaned
