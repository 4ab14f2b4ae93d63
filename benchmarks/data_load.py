"""Time loading and validating every table of the data package (cold, no cache).

Prints one line per table (rows, milliseconds) and the total.
"""

import sys
import time

from analysis import data, paths


def main() -> int:
    total_rows, total = 0, 0.0
    package = data.read_package()
    ids = set(data.load_file(paths.DATA / "sources.csv", data.resource("sources"))["source_id"])
    for res in package["resources"]:
        start = time.perf_counter()
        df = data.load_file(
            paths.DATA / res["path"], res, None if res["name"] == "sources" else ids
        )
        seconds = time.perf_counter() - start
        total += seconds
        total_rows += len(df)
        print(f"{res['name']:<28} {len(df):>5} rows  {seconds * 1000:7.1f} ms")
    print(
        f"all {len(package['resources'])} tables: {total_rows} rows loaded and validated in "
        f"{total * 1000:.1f} ms ({total_rows / total:,.0f} rows/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
