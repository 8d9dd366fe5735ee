#!/usr/bin/env python3
"""Writes the ingest benchmark input: N rows x 23 columns of realistic metrics.

Usage: gen-ingest-bench.py ROWS OUT.csv [SEED]
Columns: USCC id (valid check character), Chinese name (some quoted with a comma),
district and industry (categories), 3 bools, 16 numbers (about 3% empty).
Written with Python's csv module (the standard writer: minimal quoting), LF endings.
"""
import csv
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(n):
    body = "913302" + str(n).zfill(11)
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


NUMBERS = [
    "营业收入(万元)", "研发投入(万元)", "数字化投入(万元)", "生产效率提升率(%)", "运营成本降低率(%)",
    "产品不良品率降低(%)", "能源利用率提升(%)", "库存周转率提升(%)", "设备联网率(%)", "数据采集率(%)",
    "员工数", "培训满意度", "订单交付周期缩短(%)", "利润增长率(%)", "上云应用数", "专利数",
]
HEADER = ["统一社会信用代码", "企业名称", "区域", "行业", "是否上云", "是否规上", "专精特新"] + NUMBERS
DISTRICTS = ["北仑区", "镇海区", "鄞州区", "海曙区", "江北区", "奉化区", "余姚市", "慈溪市"]
INDUSTRIES = ["汽车零部件", "模具", "纺织服装", "家电", "化工", "电子信息", "新材料", "机械装备"]
WORDS = "甬江海天港城明州四明东钱湖天一慈孝宁远浙东金峨"


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2022)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(rows):
            name = "宁波" + "".join(rng.choice(WORDS) for _ in range(3)) + "科技有限公司"
            if rng.random() < 0.05:
                name += ",分公司"
            row = [uscc(i), name, rng.choice(DISTRICTS), rng.choice(INDUSTRIES),
                   rng.choice(["是", "否"]), rng.choice(["1", "0"]), rng.choice(["Y", "N"])]
            for k in range(len(NUMBERS)):
                if rng.random() < 0.03:
                    row.append("")
                elif k in (10, 14, 15):
                    row.append(str(rng.randint(0, 5000)))
                else:
                    row.append("%.2f" % rng.uniform(-20, 900))
            w.writerow(row)


if __name__ == "__main__":
    main()
