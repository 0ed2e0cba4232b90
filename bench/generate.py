"""Write a homepage with N publications and N news items, in the owner's page style.

.venv/bin/python -m bench.generate 10000 > /tmp/page.md
"""

import random
import sys

FIRST = ["Ada", "Bo", "Chen", "Dana", "Eli", "Fang", "Gil", "Hana", "Ivo", "Jun", "Kai", "Lena"]
LAST = ["Li", "Wang", "Smith", "Garcia", "Kim", "Dong", "Zhu", "Tan", "Qu", "Ruan", "He", "Ding"]
WORDS = tuple(
    "efficient sparse mixture experts graph transformer pruning quantization distillation "
    "adaptive dynamic scalable robust neural training inference kernel attention memory "
    "language vision model learning compression routing layer token retrieval".split(" ")
)
VENUES = ["ICML", "NeurIPS", "ICLR", "ACL", "EMNLP", "NAACL", "CVPR", "WACV", "TMLR", "AAAI"]


def page(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["---", 'title: "Biography"', "---", "", "I am a researcher.", "", "## News", ""]
    for n in range(count):
        year, month = 2000 + n % 26, 1 + n % 12
        lines.append(f"- [{year}/{month:02d}] Item {n}: {' '.join(rng.sample(WORDS, 6))}.")
    lines += ["", "## Publications", ""]
    for n in range(count):
        authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 6))]
        authors.insert(rng.randrange(len(authors) + 1), "**Daize Dong**")
        title = " ".join(rng.sample(WORDS, 7)).capitalize() + f" {n}"
        venue = f"{rng.choice(VENUES)} {2000 + n % 26}"
        url = f"https://arxiv.org/abs/{2000 + n % 26}.{n:05d}"
        lines.append(f"{n + 1}. {', '.join(authors)}, {title}, {venue}. [[Paper]({url})]")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(page(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
