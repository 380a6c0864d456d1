"""Calls the hub's CKAN-compatible API through ckanapi's RemoteCKAN and checks what a CKAN client relies on.

Usage: python3 scripts/check_ckanapi.py http://127.0.0.1:PORT
Exits non-zero, naming the check, when one fails.
"""
import sys

import ckanapi


def check(condition, what):
    if not condition:
        print(f"check_ckanapi.py: FAILED: {what}", file=sys.stderr)
        sys.exit(1)


def run(address, get_only):
    mode = "GET" if get_only else "POST"
    ckan = ckanapi.RemoteCKAN(address, get_only=get_only, user_agent="katalog-ckanapi-check")

    status = ckan.action.status_show()
    check(status["ckan_version"].startswith("2."), f"{mode} status_show gives a CKAN version")

    everything = ckan.action.package_search(rows=0, facet="true", **{"facet.field": ["organization", "res_format"]})
    total = everything["count"]
    check(total > 300, f"{mode} package_search counts the demo catalogue ({total})")
    check(everything["results"] == [], f"{mode} rows=0 returns no results")
    check(len(everything["search_facets"]["organization"]["items"]) > 0, f"{mode} organization facet counted")
    check(sum(everything["facets"]["res_format"].values()) > 0, f"{mode} res_format facet counted")

    # Paging the whole catalogue as harvesters do: stable order, every dataset once.
    names = []
    start = 0
    while True:
        page = ckan.action.package_search(rows=100, start=start, sort="id asc", fl="id,name")
        names += [package["name"] for package in page["results"]]
        if len(page["results"]) < 100:
            break
        start += 100
    check(len(names) == total and len(set(names)) == total, f"{mode} paging by start sees {len(set(names))} of {total}")
    listed = []
    while True:
        part = ckan.action.package_list(limit=150, offset=len(listed))
        listed += part
        if len(part) < 150:
            break
    check(listed == sorted(names), f"{mode} package_list lists the names package_search pages through")

    package = ckan.action.package_show(id=names[0])
    check(package["id"] == names[0] and package["state"] == "active", f"{mode} package_show returns the package")
    check(isinstance(package["resources"], list) and isinstance(package["tags"], list), f"{mode} package has resources and tags")
    with_resources = ckan.action.package_search(q="*:*", rows=50, sort="id asc")["results"]
    resources = [r for p in with_resources for r in p["resources"]]
    check(len(resources) > 20, f"{mode} packages list resources")
    for resource in resources:
        shown = ckan.action.resource_show(id=resource["id"])
        check(shown["id"] == resource["id"] and shown["url"] == resource["url"], f"{mode} resource_show finds {resource['id']}")

    multilingual = ckan.action.package_search(q="*:*", rows=1000, fl="name,title_translated,license_id")["results"]
    check(any(len(p.get("title_translated", {})) > 1 for p in multilingual), f"{mode} some titles come in several languages")

    organizations = ckan.action.organization_list(all_fields=True, sort="package_count desc")
    check(len(organizations) > 5, f"{mode} organization_list lists publishers")
    biggest = organizations[0]
    within = ckan.action.package_search(fq=f'organization:"{biggest["name"]}"', rows=0)
    check(within["count"] == biggest["package_count"], f"{mode} an organization filter finds its package_count")
    # What `ckanapi dump organizations` and `dump groups` ask for each name.
    shown = ckan.action.organization_show(id=biggest["name"], include_datasets=True, include_users=False)
    check(shown["package_count"] == biggest["package_count"], f"{mode} organization_show gives the listed package_count")
    check(len(shown["packages"]) == min(1000, biggest["package_count"]), f"{mode} organization_show lists its datasets")
    check(all(p["organization"]["name"] == biggest["name"] for p in shown["packages"]), f"{mode} those datasets are its own")
    groups = ckan.action.group_list(all_fields=True)
    check(len(groups) >= 5, f"{mode} group_list lists the themes")
    group = ckan.action.group_show(id=groups[0]["name"], include_datasets=True)
    check(group["package_count"] == groups[0]["package_count"], f"{mode} group_show gives the listed package_count")
    check(all(any(g["name"] == group["name"] for g in p["groups"]) for p in group["packages"]), f"{mode} group_show's datasets are in it")
    # Tags and licences, as a client builds filter lists from them.
    tags = ckan.action.tag_list(all_fields=True)
    check(len(tags) > 20, f"{mode} tag_list lists the keywords")
    tag = max(tags, key=lambda t: t["package_count"])
    tagged = ckan.action.package_search(fq=f'tags:"{tag["name"]}"', rows=0)
    check(tagged["count"] == tag["package_count"], f"{mode} a tag filter finds its package_count ({tag['name']})")
    check(ckan.action.tag_list(query=tag["name"][:3]) == sorted(t["name"] for t in tags if tag["name"][:3] in t["name"]),
          f"{mode} tag_list's query keeps the tags containing it")
    licences = ckan.action.license_list()
    check(len(licences) >= 3, f"{mode} license_list lists the licences in use")
    in_use = {p["license_id"] for p in multilingual if p.get("license_id")}
    check(in_use <= {licence["id"] for licence in licences}, f"{mode} every license_id of a package is in license_list")
    check(all(licence["title"] for licence in licences), f"{mode} every licence has a title")
    try:
        ckan.action.organization_show(id="no-such-organization")
        check(False, f"{mode} organization_show of an unknown id raises NotFound")
    except ckanapi.NotFound:
        pass

    try:
        ckan.action.package_show(id="no-such-dataset")
        check(False, f"{mode} package_show of an unknown id raises NotFound")
    except ckanapi.NotFound:
        pass
    try:
        ckan.action.package_search(rows="many")
        check(False, f"{mode} a bad rows raises ValidationError")
    except ckanapi.ValidationError as error:
        check("rows" in error.error_dict, f"{mode} the ValidationError names rows")
    print(f"check_ckanapi.py: {mode}: {total} datasets, {len(organizations)} organizations, {len(groups)} groups, {len(tags)} tags, {len(licences)} licences, every check passed")


if __name__ == "__main__":
    for get_only in (False, True):
        run(sys.argv[1], get_only)
