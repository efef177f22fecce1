"""`emgov bench`: how fast a large inspections (检查记录) file imports, measured in a throw-away database;
with `--scale district|city|province`, the report figures, pages, imports and exports over a synthetic
data set of that size (`emgov.bench`, registered by the reports app in SCALE_BENCH)."""

from __future__ import annotations

import cProfile
import datetime
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from emgov.core.actors import system_actor
from emgov.core.interchange import registry
from emgov.core.interchange.files import write_rows
from emgov.core.interchange.ledger import ImportResult
from emgov.core.validators import credit_code_check_character

VIA = "命令 bench"
DISTRICT = "440605"
TOWNS = ["桂城街道", "九江镇", "西樵镇", "丹灶镇", "狮山镇", "大沥镇", "里水镇"]
INDUSTRIES = ["建筑施工", "燃气", "村级工业园", "人员密集场所", "纺织制衣", "危险化学品", "工贸"]
OPERATIONS = 50


def bench_credit_code(n: int) -> str:
    """A valid 统一社会信用代码 for the n-th enterprise of the data set."""
    body = f"91{DISTRICT}{n:09d}"
    return body + credit_code_check_character(body)


@dataclass(frozen=True)
class Dataset:
    """The sizes of the data set the inspections file refers to."""

    visits: int
    enterprises: int = 3000
    officers: int = 60
    seed: int = 2023


def reference_tables(data: Dataset) -> dict[str, list[list[Any]]]:
    """Regions, departments, officers, enterprises and operations the visits refer to, as ledger tables."""
    rnd = random.Random(data.seed)
    regions = [
        ["区划代码", "名称", "上级区划代码", "层级"],
        ["440000", "广东省", "", "省"],
        ["440600", "佛山市", "440000", "市"],
        [DISTRICT, "南海区", "440600", "区县"],
    ] + [[f"{DISTRICT}{i:03d}", name, DISTRICT, "镇街"] for i, name in enumerate(TOWNS, start=101)]
    departments = [
        ["部门简称", "部门名称", "是否本局", "区划代码"],
        ["应急", "佛山市南海区应急管理局", "是", DISTRICT],
        ["住建", "佛山市南海区住房城乡建设和水利局", "否", DISTRICT],
        ["消防", "佛山市南海区消防救援大队", "否", DISTRICT],
    ]
    officers = [["执法证号", "姓名", "所属部门", "证件有效期至", "职务"]] + [
        [f"4406050{i:05d}", f"执法员{i}", "应急" if i % 6 else "住建", "2030-12-31", "科员"]
        for i in range(1, data.officers + 1)
    ]
    enterprises = [["统一社会信用代码", "企业名称", "所属镇街", "行业类别", "风险等级", "是否重点企业"]] + [
        [
            bench_credit_code(i),
            f"南海测试企业{i}有限公司",
            rnd.choice(TOWNS),
            rnd.choice(INDUSTRIES),
            rnd.choice(["重大风险", "较大风险", "一般风险", "低风险", ""]),
            "是" if i % 10 == 0 else "否",
        ]
        for i in range(1, data.enterprises + 1)
    ]
    operations = [["行动编号", "行动类型", "行动名称", "开始日期", "牵头部门", "参与部门"]] + [
        [
            f"XD2023{i:03d}",
            "联合执法",
            f"专项行动{i}",
            f"2023-{i % 12 + 1:02d}-01",
            "应急",
            "应急；住建；消防",
        ]
        for i in range(1, OPERATIONS + 1)
    ]
    return {
        "regions": regions,
        "departments": departments,
        "officers": officers,
        "enterprises": enterprises,
        "operations": operations,
    }


def visit_rows(data: Dataset) -> list[list[Any]]:
    """The inspections table: every row valid, a bureau 执法检查 always with two or three officers."""
    rnd = random.Random(data.seed + 1)
    bureau_officers = [f"4406050{i:05d}" for i in range(1, data.officers + 1) if i % 6]
    first_day = datetime.date(2023, 1, 1)
    rows: list[list[Any]] = [
        [
            "检查编号",
            "检查日期",
            "统一社会信用代码",
            "执法部门",
            "检查性质",
            "行动编号",
            "执法人员证号",
            "检查结果",
            "音像记录",
        ]
    ]
    for n in range(1, data.visits + 1):
        nature = rnd.choices(["执法检查", "帮扶指导", "督导检查"], weights=[7, 2, 1])[0]
        department = "应急" if rnd.random() < 0.9 else "住建"
        officers = rnd.sample(bureau_officers, rnd.choice([2, 2, 3]))
        rows.append(
            [
                f"JC2023{n:07d}",
                (first_day + datetime.timedelta(days=rnd.randrange(365))).isoformat(),
                bench_credit_code(rnd.randint(1, data.enterprises)),
                department,
                nature,
                f"XD2023{rnd.randint(1, OPERATIONS):03d}" if rnd.random() < 0.2 else "",
                "；".join(officers),
                rnd.choice(["未发现问题", "发现隐患2项，已责令整改", "现场检查，资料齐全", ""]),
                "是" if rnd.random() < 0.8 else "否",
            ]
        )
    return rows


def build_references(data: Dataset, *, actor: Any) -> None:
    for ledger_id, table in reference_tables(data).items():
        result = registry.get(ledger_id).load_rows(table, actor=actor, via=VIA)
        _require_ok(result)


def write_table(path: Path, fmt: str, rows: list[list[Any]]) -> None:
    with path.open("wb") as out:
        write_rows(out, fmt, rows[0], rows[1:])


def with_results_revised(rows: list[list[Any]]) -> list[list[Any]]:
    """The same visits with a different 检查结果 on every row: an import that updates every record."""
    index = rows[0].index("检查结果")
    return [rows[0]] + [[*r[:index], f"{r[index]}（复核）", *r[index + 1 :]] for r in rows[1:]]


@dataclass(frozen=True)
class Timing:
    label: str
    result: ImportResult
    seconds: float

    @property
    def rate(self) -> float:
        return self.result.total / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        r = self.result
        return (
            f"{self.label}：{r.total}行（新增{r.created}，更新{r.updated}，无变化{r.unchanged}），"
            f"用时 {self.seconds:.1f} 秒，{self.rate:,.0f} 行/秒"
        )


def time_import(path: Path, fmt: str, *, label: str, actor: Any, profile: cProfile.Profile | None) -> Timing:
    ledger = registry.get("inspections")
    start = time.perf_counter()
    with path.open("rb") as stream:
        if profile is not None:
            profile.enable()
        result = ledger.load(stream, fmt, actor=actor, via=f"{VIA} {path.name}")
        if profile is not None:
            profile.disable()
    seconds = time.perf_counter() - start
    _require_ok(result)
    return Timing(label, result, seconds)


# Further measurements over the same data set, chosen with --measure NAME and run after the imports;
# apps add them in ready(). Each is called as measure(actor=..., district=DISTRICT, out=...).
MEASUREMENTS: dict[str, Callable[..., Any]] = {}

# The scale benchmark, `run_scale(scale_name, *, seed, factor, runs, import_rows, folder, out, as_json)`;
# core knows no domain app, so the reports app puts it here in ready().
SCALE_BENCH: dict[str, Callable[..., Any]] = {}

RUNS = [
    ("new", "首次导入（全部新增）"),
    ("same", "再次导入同一文件（无变化）"),
    ("changed", "导入修改过的文件（全部更新）"),
]


def run_benchmark(
    data: Dataset, *, fmt: str, folder: Path, out: Callable[[str], None], profile_to: str | None = None
) -> list[Timing]:
    """Build the data set in the current database, then time three imports of the visits file (into an
    empty ledger, the same file again, the file with every row changed) and its export."""
    actor = system_actor()
    started = time.perf_counter()
    build_references(data, actor=actor)
    rows = visit_rows(data)
    files = {name: folder / f"bench-inspections-{data.visits}-{name}.{fmt}" for name, _label in RUNS}
    write_table(files["new"], fmt, rows)
    write_table(files["changed"], fmt, with_results_revised(rows))
    files["same"] = files["new"]
    out(
        f"准备：{data.enterprises}家企业、{data.officers}名执法人员、{OPERATIONS}个执法行动，"
        f"{data.visits}行检查记录写入 {files['new'].name}（{files['new'].stat().st_size / 1048576:.1f} MB），"
        f"用时 {time.perf_counter() - started:.1f} 秒"
    )
    timings = []
    try:
        for name, label in RUNS:
            profile = cProfile.Profile() if profile_to else None
            timings.append(time_import(files[name], fmt, label=label, actor=actor, profile=profile))
            out(timings[-1].line())
            if profile is not None:
                target = f"{profile_to}.{name}"
                profile.dump_stats(target)
                out(f"  性能分析数据：{target}（python -m pstats {target}）")
        ledger = registry.get("inspections")
        started = time.perf_counter()
        with files["new"].open("wb") as target:
            ledger.export(ledger.export_queryset(), target, fmt)
        seconds = time.perf_counter() - started
        out(f"导出：{data.visits}行，用时 {seconds:.1f} 秒，{data.visits / seconds:,.0f} 行/秒")
    finally:
        for path in files.values():
            path.unlink(missing_ok=True)
    return timings


def _require_ok(result: ImportResult) -> None:
    if not result.ok:
        shown = "\n".join(str(e) for e in result.errors[:10])
        raise CommandError(f"测试数据导入失败（{result.ledger}）：\n{shown}")


class Command(BaseCommand):
    help = (
        "在临时数据库中生成检查记录文件并计时导入，输出每秒行数。"
        "Benchmark: emgov bench [--rows N] [--format csv|xlsx]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000, help="检查记录行数（默认 100000）")
        parser.add_argument("--enterprises", type=int, default=3000, help="企业数（默认 3000）")
        parser.add_argument("--officers", type=int, default=60, help="执法人员数（默认 60）")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="文件格式（默认 csv）")
        parser.add_argument(
            "--profile", metavar="FILE", help="把首次导入的 cProfile 数据写入 FILE，再次导入的写入 FILE.again"
        )
        parser.add_argument(
            "--measure",
            action="append",
            default=[],
            choices=sorted(MEASUREMENTS),
            help="导入之后再计时的项目，可重复（dashboard：领导驾驶舱）",
        )
        parser.add_argument(
            "--scale",
            choices=["district", "city", "province"],
            help="生成区县（1个）、市（8个区县）或省（64个区县）规模的测试数据，计时报告指标、页面、导入导出",
        )
        parser.add_argument("--seed", type=int, default=2023, help="测试数据的随机种子（默认 2023）")
        parser.add_argument(
            "--factor", type=float, default=1.0, help="每个区县的数据量倍数（默认 1，约等于演示数据）"
        )
        parser.add_argument("--runs", type=int, default=3, help="每项计时的次数（取中位数，默认 3）")
        parser.add_argument(
            "--import-rows", type=int, default=100_000, help="--scale 时导入文件的行数（默认 100000）"
        )
        parser.add_argument("--json", action="store_true", help="--scale 时以 JSON 输出")
        parser.add_argument(
            "--keep",
            action="store_true",
            help="--scale 时保留生成的数据库（输出其名称），供 --reuse 再次计时",
        )
        parser.add_argument(
            "--reuse",
            metavar="NAME",
            help="--scale 时不再生成数据，直接计时此前用 --keep 保留的数据库（PostgreSQL 库名或 SQLite 文件）",
        )

    def handle(self, *args, rows: int, enterprises: int, officers: int, format: str, **options):
        if options.get("scale"):
            return self.scale(options)
        if rows < 1 or enterprises < 1 or officers < 3:
            raise CommandError("--rows、--enterprises 至少为1，--officers 至少为3")
        data = Dataset(visits=rows, enterprises=enterprises, officers=officers)
        folder = Path(settings.VAR_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        with throwaway_database(folder, verbosity=options["verbosity"], out=self.stdout.write):
            run_benchmark(
                data, fmt=format, folder=folder, out=self.stdout.write, profile_to=options["profile"]
            )
            for name in options["measure"]:
                MEASUREMENTS[name](actor=system_actor(), district=DISTRICT, out=self.stdout.write)

    def scale(self, options: dict[str, Any]) -> None:
        if options["factor"] <= 0 or options["runs"] < 1 or options["import_rows"] < 0:
            raise CommandError("--factor 必须大于0，--runs 至少为1，--import-rows 不能为负数")
        folder = Path(settings.VAR_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        quiet = (lambda line: None) if options["json"] else self.stdout.write
        reuse = options.get("reuse")
        if reuse and options["import_rows"]:
            raise CommandError(
                "--reuse 时请加 --import-rows 0：导入会把记录写进保留的数据集，下次计时的数据就不同了"
            )
        database = (
            existing_database(reuse, out=quiet)
            if reuse
            else throwaway_database(folder, verbosity=options["verbosity"], out=quiet, keep=options["keep"])
        )
        with database:
            SCALE_BENCH["run"](
                options["scale"],
                seed=options["seed"],
                factor=options["factor"],
                runs=options["runs"],
                import_rows=options["import_rows"],
                folder=folder,
                out=self.stdout.write,
                as_json=options["json"],
                reuse=bool(reuse),
            )


@contextmanager
def existing_database(name: str, *, out: Callable[[str], None]) -> Iterator[None]:
    """The data set kept by an earlier `--keep` run, for the default connection while the block runs."""
    old_name = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    ContentType.objects.clear_cache()
    try:
        try:
            connection.ensure_connection()
        except Exception as exc:
            raise CommandError(f"无法打开数据库 {name}：{exc}") from None
        out(f"沿用数据库：{name}（{connection.vendor}）")
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = old_name
        ContentType.objects.clear_cache()


@contextmanager
def throwaway_database(
    folder: Path, *, verbosity: int, out: Callable[[str], None], keep: bool = False
) -> Iterator[None]:
    """A new, migrated database for the default connection while the block runs, dropped afterwards
    (kept with `keep`, for `--reuse`).

    SQLite: the file var/bench-PID.sqlite3; PostgreSQL: the database NAME_bench_PID beside the configured one.
    """
    test_settings = connection.settings_dict.setdefault("TEST", {})
    old_name, old_test_name = connection.settings_dict["NAME"], test_settings.get("NAME")
    if connection.vendor == "sqlite":
        name = str(folder / f"bench-{os.getpid()}.sqlite3")
    else:
        name = f"{old_name}_bench_{os.getpid()}"
    test_settings["NAME"] = name
    out(f"临时数据库：{name}（{connection.vendor}），结束后删除")
    quiet = max(verbosity - 1, 0)
    # Content-type ids are cached per process; the throw-away database numbers them afresh.
    ContentType.objects.clear_cache()
    try:
        connection.creation.create_test_db(verbosity=quiet, autoclobber=True, serialize=False)
        try:
            yield
        finally:
            if keep:
                out(f"已保留数据库：{name}（再次计时：emgov bench --scale … --reuse {name}）")
                connection.close()
                connection.settings_dict["NAME"] = old_name
            else:
                connection.creation.destroy_test_db(old_name, verbosity=quiet)
            ContentType.objects.clear_cache()
            if connection.vendor == "sqlite":
                for suffix in ("-wal", "-shm") if not keep else ():
                    Path(name + suffix).unlink(missing_ok=True)
    finally:
        test_settings["NAME"] = old_test_name
