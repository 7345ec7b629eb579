"""Herindelingen that inference from the CBS indeling cannot see (see herindelingen.py)."""

from __future__ import annotations

# Receivers that the rules of herindelingen.py cannot determine (or would get wrong),
# 1991-2016: ended code -> receiver codes (several = a split). Dates come from the indeling.
# Compiled from public municipal histories (e.g. plaatsengids.nl "Status", Wikipedia, BHIC)
# and checked against the CBS dates; "rename" = same territory under a new name and code.
KNOWN: dict[str, tuple[str, ...]] = {
    # 1991 Rijnland (Zuid-Holland)
    "GM0490": ("GM0646",),  # Benthuizen -> Rijneveld
    "GM0524": ("GM0646",),  # Hazerswoude -> Rijneveld
    "GM0540": ("GM0646",),  # Koudekerk aan den Rijn -> Rijneveld
    "GM0549": ("GM0645",),  # Leimuiden -> Jacobswoude
    "GM0601": ("GM0645",),  # Rijnsaterwoude -> Jacobswoude
    "GM0633": ("GM0645",),  # Woubrugge -> Jacobswoude
    "GM0560": ("GM0647",),  # Moerkapelle -> Moerhuizen
    "GM0636": ("GM0647",),  # Zevenhuizen -> Moerhuizen
    "GM0635": ("GM0573",),  # Zevenhoven -> Nieuwveen (renamed Liemeer in 1994)
    # 1991 Midden-Limburg
    "GM0887": ("GM1937",),  # Beegden -> Heel
    "GM0989": ("GM1937",),  # Wessem -> Heel
    "GM0932": ("GM0933",),  # Linne -> Maasbracht
    "GM0953": ("GM0933",),  # Ohé en Laak -> Maasbracht
    "GM0972": ("GM0933",),  # Stevensweert -> Maasbracht
    "GM0886": ("GM0920",),  # Baexem -> Heythuysen
    "GM0909": ("GM0920",),  # Grathem -> Heythuysen
    "GM0922": ("GM0914",),  # Horn -> Haelen
    "GM0947": ("GM0958",),  # Neer -> Roggel
    "GM0919": ("GM0957",),  # Herten -> Roermond
    "GM0943": ("GM0956",),  # Montfort -> Posterholt (renamed Ambt Montfort in 1995)
    "GM0967": ("GM0956",),  # Sint Odiliënberg -> Posterholt
    "GM0985": ("GM0939",),  # Vlodrop -> Melick en Herkenbosch
    # 1992 Groningen: the 1990 mergers get their new names
    "GM0006": ("GM1661",),  # Beerta -> Reiderland (rename)
    "GM0019": ("GM1651",),  # Hefshuizen -> Eemsmond (rename)
    "GM0033": ("GM1987",),  # Oosterbroek -> Menterwolde (rename)
    "GM0045": ("GM1663",),  # Ulrum -> De Marne (rename)
    # 1993
    "GM0780": ("GM1671",),  # Geffen -> Maasdonk
    "GM0821": ("GM1671",),  # Nuland -> Maasdonk
    "GM0939": ("GM1669",),  # Melick en Herkenbosch -> Roerdalen (rename)
    "GM0646": ("GM1672",),  # Rijneveld -> Rijnwoude (rename)
    "GM0647": ("GM1666",),  # Moerhuizen -> Zevenhuizen-Moerkapelle (rename)
    # 1994 Noord-Brabant
    "GM0747": ("GM1684",),  # Beers -> Cuijk
    "GM0790": ("GM1684",),  # Haps -> Cuijk
    "GM0750": ("GM0828",),  # Berghem -> Oss
    "GM0813": ("GM0828",),  # Megen c.a. -> Oss
    "GM0775": ("GM0860",),  # Erp -> Veghel
    "GM0822": ("GM0756",),  # Oeffelt -> Boxmeer
    "GM0827": ("GM1691",),  # Oploo c.a. -> St. Anthonis
    "GM0868": ("GM1691",),  # Wanroij -> St. Anthonis
    "GM0843": ("GM1685",),  # Schaijk -> Landerd
    "GM0877": ("GM1685",),  # Zeeland -> Landerd
    "GM0573": ("GM1673",),  # Nieuwveen -> Liemeer (rename)
    # 1995
    "GM0648": ("GM1698",),  # Aardenburg -> Sluis-Aardenburg
    "GM0956": ("GM1679",),  # Posterholt -> Ambt Montfort (rename)
    # 1996
    "GM0776": ("GM0788",),  # Esch -> Haaren
    "GM0795": ("GM0788",),  # Helvoirt -> Haaren
    "GM0806": ("GM0757",),  # Liempde -> Boxtel
    "GM1691": ("GM1702",),  # St. Anthonis -> Sint Anthonis (rename)
    # 1997 Noord-Brabant and Zeeland
    "GM0769": ("GM0870",),  # Dussen -> Werkendam
    "GM0787": ("GM0766",),  # 's-Gravenmoer -> Dongen
    "GM0801": ("GM1667",),  # Hooge en Lage Mierde -> Reusel-De Mierden
    "GM0802": ("GM1665",),  # Hooge en Lage Zwaluwe -> Made
    "GM0810": ("GM0749",),  # Luyksgestel -> Bergeyk
    "GM0837": ("GM0749",),  # Riethoven -> Bergeyk
    "GM0871": ("GM0749",),  # Westerhoven -> Bergeyk
    "GM0817": ("GM0758",),  # Nieuw-Ginneken -> Breda
    "GM0825": ("GM0823",),  # Middelbeers -> Oirschot
    "GM0831": ("GM1655",),  # Oud en Nieuw Gastel -> Halderberge
    "GM0751": ("GM0855",),  # Berkel-Enschot -> Tilburg
    "GM0857": ("GM0855",),  # Udenhout -> Tilburg
    "GM0816": ("GM0824",),  # Moergestel -> Oisterwijk
    "GM0662": ("GM1676",),  # Duiveland -> Schouwen-Duiveland
    "GM0688": ("GM1676",),  # Middenschouwen -> Schouwen-Duiveland
    "GM0725": ("GM1676",),  # Westerschouwen -> Schouwen-Duiveland
    "GM0686": ("GM0717",),  # Mariekerke -> Veere
    "GM0720": ("GM0717",),  # Valkenisse -> Veere
    # 1998
    "GM0107": ("GM1697",),  # Beilen -> Middenveld
    "GM0131": ("GM1697",),  # Smilde -> Middenveld
    "GM0134": ("GM1697",),  # Westerbork -> Middenveld
    "GM0127": ("GM1690",),  # Ruinen -> De Wolden
    "GM0863": ("GM0756",),  # Vierlingsbeek -> Boxmeer
    # 1999 and 2000
    "GM0749": ("GM1724",),  # Bergeyk -> Bergeijk (rename)
    "GM0152": ("GM0150",),  # Diepenveen -> Deventer
    "GM1697": ("GM1731",),  # Middenveld -> Midden-Drenthe (rename)
    # 2001
    "GM0143": ("GM0160",),  # Avereest -> Hardenberg
    "GM0179": ("GM1735",),  # Stad Delden -> Hof van Twente
    "GM0194": ("GM0181",),  # Brederwiede -> Steenwijk
    "GM0347": ("GM0344",),  # Vleuten-De Meern -> Utrecht
    "GM0357": ("GM0373",),  # Egmond -> Bergen (NH.)
    "GM0890": ("GM0983",),  # Belfeld -> Venlo
    "GM0976": ("GM0983",),  # Tegelen -> Venlo
    "GM0898": ("GM1507",),  # Broekhuizen -> Horst aan de Maas
    "GM0912": ("GM1507",),  # Grubbenvorst -> Horst aan de Maas
    "GM0923": ("GM1507",),  # Horst -> Horst aan de Maas
    # 2002 (Loosdrecht moved from Utrecht to Noord-Holland)
    "GM0330": ("GM1696",),  # Loosdrecht -> Wijdemeren
    # 2003
    "GM0675": ("GM0677",),  # Hontenisse -> Hulst
    "GM0835": ("GM0828",),  # Ravenstein -> Oss
    # 2005
    "GM0199": ("GM0299",),  # Angerlo -> Zevenaar
    "GM0207": ("GM1955",),  # Bergh -> Montferland
    "GM0248": ("GM1876",),  # Hengelo (Gld) -> Bronckhorst
    "GM0295": ("GM1509",),  # Wisch -> Oude IJsselstreek
    # 2007
    "GM0466": ("GM0420",),  # Wognum -> Medemblik
    "GM0517": ("GM0585",),  # 's-Gravendeel -> Binnenmaas
    "GM1673": ("GM0569",),  # Liemeer -> Nieuwkoop
    "GM1679": ("GM1669",),  # Ambt Montfort -> Roerdalen
    # 2007: Koggenland (Wognum went to Medemblik the same day)
    "GM0529": ("GM1598",),  # Noorder-Koggenland -> Koggenland
    "GM0558": ("GM1598",),  # Wester-Koggenland -> Koggenland
    # 2010
    "GM0993": ("GM1507", "GM0984"),  # Meerlo-Wanssum split: Horst aan de Maas, Venray
    # 2011
    "GM0083": ("GM1908",),  # Menaldumadeel -> Menameradiel (rename)
    "GM0104": ("GM1900",),  # Nijefurd -> Súdwest-Fryslân
    "GM0683": ("GM1900",),  # Wymbritseradiel -> Súdwest-Fryslân
    "GM0710": ("GM1900",),  # Wûnseradiel -> Súdwest-Fryslân
    "GM0329": ("GM1904",),  # Loenen -> Stichtse Vecht
    # 2013
    "GM0395": ("GM0441",),  # Harenkarspel -> Schagen
    "GM0476": ("GM0441",),  # Zijpe -> Schagen
    "GM0571": ("GM1927",),  # Nieuw-Lekkerland -> Molenwaard
    "GM0693": ("GM1927",),  # Graafstroom -> Molenwaard
    "GM0694": ("GM1927",),  # Liesveld -> Molenwaard
    "GM0580": ("GM1924",),  # Oostflakkee -> Goeree-Overflakkee
    # 2014: Boarnsterhim divided over four municipalities
    "GM0055": ("GM1921", "GM0074", "GM0080", "GM1900"),
    "GM0051": ("GM1921",),  # Skarsterlân -> De Friese Meren
    "GM0082": ("GM1921",),  # Lemsterland -> De Friese Meren
    "GM0653": ("GM1921",),  # Gaasterlân-Sleat -> De Friese Meren
    "GM1672": ("GM0484",),  # Rijnwoude -> Alphen aan den Rijn
    # 2015
    "GM0458": ("GM0361",),  # Schermer -> Alkmaar
    "GM0568": ("GM1930",),  # Bernisse -> Nissewaard
    "GM0643": ("GM1931",),  # Nederlek -> Krimpenerwaard
    "GM0644": ("GM1931",),  # Ouderkerk -> Krimpenerwaard
    "GM1671": ("GM0796", "GM0828"),  # Maasdonk split: 's-Hertogenbosch, Oss
    # 2016 (before the flows start)
    "GM0478": ("GM0385",),  # Zeevang -> Edam-Volendam
    # 2022: Weesp joined Amsterdam on 24 March (also in the flows; kept as a check)
    "GM0457": ("GM0363",),
}
