from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Zoek een gemeente",
        max_length=100,
        help_text=(
            "Naam, oude gemeente, woonplaats of CBS-code, "
            "bijvoorbeeld 'Den Bosch', 'Sneek' of 'GM0344'."
        ),
    )
