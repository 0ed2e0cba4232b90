"""Write a homepage with N publications and N news items, in the owner's page style.

    .venv/bin/python -m bench.generate 10000 > /tmp/page.md

Titles mix a few common words with words from a vocabulary of a few thousand, and authors
come from a few hundred names, so searches match as selectively as on real pages.
"""

import random
import sys

COMMON = tuple(
    "efficient sparse mixture experts graph transformer pruning quantization distillation "
    "adaptive dynamic scalable robust neural training inference kernel attention memory "
    "language vision model learning compression routing layer token retrieval".split(" ")
)
SYLLABLES = tuple("ka lo mi ne ru ta vi so pe da fu ri zo ne ba ti mu ge ho la".split(" "))
VENUES = ("ICML", "NeurIPS", "ICLR", "ACL", "EMNLP", "NAACL", "CVPR", "WACV", "TMLR", "AAAI")


def _words(rng: random.Random, count: int, syllables: int) -> list[str]:
    return sorted({"".join(rng.choices(SYLLABLES, k=syllables)) for _ in range(count)})


def page(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    vocabulary = _words(rng, 4000, 4)
    first_names = [name.capitalize() for name in _words(rng, 300, 2)]
    last_names = [name.capitalize() for name in _words(rng, 400, 3)]
    lines = ["---", 'title: "Biography"', "---", "", "I work on the following areas:", ""]
    for n in range(3):
        lines.append(f"{n + 1}. {COMMON[n].capitalize()}: {', '.join(rng.sample(vocabulary, 3))}")
    lines += ["", "## News", ""]
    for n in range(count):
        year, month = 2000 + n % 26, 1 + n % 12
        text = " ".join(rng.sample(COMMON, 2) + rng.sample(vocabulary, 4))
        lines.append(f"- [{year}/{month:02d}] Item {n}: {text}.")
    lines += ["", "## Publications", ""]
    for n in range(count):
        authors = [
            f"{rng.choice(first_names)} {rng.choice(last_names)}" for _ in range(rng.randint(2, 6))
        ]
        authors.insert(rng.randrange(len(authors) + 1), "**Daize Dong**")
        title = " ".join(rng.sample(COMMON, 2) + rng.sample(vocabulary, 5)).capitalize()
        venue = f"{rng.choice(VENUES)} {2000 + n % 26}"
        url = f"https://arxiv.org/abs/{2000 + n % 26}.{n:05d}"
        lines.append(f"{n + 1}. {', '.join(authors)}, {title} {n}, {venue}. [[Paper]({url})]")
    lines += ["", "## Projects", ""]
    for n in range(min(20, max(1, count // 10))):
        title = " ".join(rng.sample(vocabulary, 4)).capitalize()
        lines.append(
            f"{n + 1}. **Daize Dong**, {rng.choice(first_names)} {rng.choice(last_names)}, "
            f"{title}. [[Code](https://github.com/example/project-{n})]"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(page(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
