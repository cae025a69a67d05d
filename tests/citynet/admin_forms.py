"""Form data for posting CityPages through the real Wagtail admin views."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def city_form_data(page=None, **overrides):
    values = {
        "title": "Kota Baru",
        "slug": "baru",
        "official_name": "Pemerintah Kota Baru",
        "kind": "kota",
        "country": "ID",
        "province": "Jawa Timur",
        "population": "",
        "head_title": "Wali Kota",
        "head_name": "",
        "membership": "full",
        "member_since": "",
        "smart_city_cohort": "2019",
        "intro": rich_text("<p>Kota contoh.</p>"),
        "logo": "",
        "website": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "contact_phone": "",
        "comments": inline_formset([]),
    }
    if page is not None:
        for field in ("title", "slug", "official_name", "kind", "country", "province"):
            values[field] = getattr(page, field)
        values["smart_city_cohort"] = page.smart_city_cohort or ""
    values.update(overrides)
    return nested_form_data(values)
