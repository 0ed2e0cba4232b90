"""The owner's page as the API must serve it, written out by hand from seed/about.md."""

from typing import Any

JSON = dict[str, Any]


def author(written: str) -> JSON:
    """`**Name**` is the owner, a trailing `*` marks equal contribution."""
    equal = written.count("*") % 2 == 1
    name = written.removesuffix("*") if equal else written
    owner = name.startswith("**")
    return {
        "name": name.strip("*"),
        "is_owner": owner,
        "equal_contribution": equal,
        "corresponding": False,
    }


def work(
    slug: str,
    title: str,
    authors: str,
    venue: str | None,
    year: int | None,
    links: list[tuple[str, str]],
    note: str | None = None,
) -> JSON:
    return {
        "slug": slug,
        "title": title,
        "authors": [author(a) for a in authors.split(", ")],
        "venue": venue,
        "year": year,
        "note": note,
        "group": None,
        "featured": False,
        "date": None,
        "abstract": None,
        "links": [{"label": label, "url": url, "kind": label.lower()} for label, url in links],
        "source": "seed",
    }


PUBLICATIONS = [
    work(
        "towards-efficient-mixture-of-experts-a-holistic-study-of",
        "Towards Efficient Mixture of Experts: A Holistic Study of Compression Techniques",
        "Shwai He*, **Daize Dong***, Liang Ding, Ang Li",
        "TMLR", None, [("Paper", "https://arxiv.org/abs/2406.02500")],
    ),
    work(
        "dlo-dynamic-layer-operation-for-efficient-vertical-scaling",
        "DLO: Dynamic Layer Operation for Efficient Vertical Scaling of LLMs",
        "Zhen Tan*, **Daize Dong***, Xinyu Zhao, Jie Peng, Yu Cheng, Tianlong Chen",
        "ICLR 2025 SCOPE Workshop", 2025, [("Paper", "https://openreview.net/forum?id=E9Jw3IHuDH")],
    ),
    work(
        "dynamic-data-mixing-maximizes-instruction-tuning-for-mixture",
        "Dynamic Data Mixing Maximizes Instruction Tuning for Mixture-of-Experts",
        "Tong Zhu, **Daize Dong**, Xiaoye Qu, Jiacheng Ruan, Wenliang Chen, Yu Cheng",
        "NAACL 2025", 2025, [("Paper", "https://arxiv.org/abs/2406.11256")],
    ),
    work(
        "a-graph-is-worth-k-words-euclideanizing-graph-using-pure",
        "A Graph is Worth K Words: Euclideanizing Graph using Pure Transformer",
        "Zhangyang Gao*, **Daize Dong***, Cheng Tan, Jun Xia, Bozhen Hu, Stan Z. Li",
        "ICML 2024", 2024, [("Paper", "https://arxiv.org/abs/2402.02464")],
    ),
    work(
        "idat-inverse-distillation-adapter-tuning",
        "iDAT: inverse Distillation Adapter-Tuning",
        "Jiacheng Ruan, Jingsheng Gao, Mingye Xie, **Daize Dong**, Suncheng Xiang, Ting Liu, Yuzhuo Fu",
        "ICME 2024", 2024, [("Paper", "https://arxiv.org/abs/2403.15750")], note="Oral",
    ),
    work(
        "pad-net-an-efficient-framework-for-dynamic-networks",
        "PAD-Net: An Efficient Framework for Dynamic Networks",
        "Shwai He, Liang Ding, **Daize Dong**, Boan Liu, Fuqiang Yu, Dacheng Tao",
        "ACL 2023", 2023, [("Paper", "https://aclanthology.org/2023.acl-long.803.pdf")],
    ),
    work(
        "sd-conv-towards-the-parameter-efficiency-of-dynamic",
        "SD-Conv: Towards the Parameter-Efficiency of Dynamic Convolution",
        "Shwai He, Chenbo Jiang, **Daize Dong**, Liang Ding",
        "WACV 2023", 2023,
        [("Paper", "https://openaccess.thecvf.com/content/WACV2023/papers/He_SD-Conv_Towards_the_Parameter-Efficiency_of_Dynamic_Convolution_WACV_2023_paper.pdf")],
    ),
    work(
        "sparseadapter-an-easy-approach-for-improving-the-parameter",
        "SparseAdapter: An Easy Approach for Improving the Parameter-Efficiency of Adapters",
        "Shwai He, Liang Ding, **Daize Dong**, Miao Zhang, Dacheng Tao",
        "EMNLP 2022", 2022, [("Paper", "https://aclanthology.org/2022.findings-emnlp.160.pdf")],
    ),
]  # fmt: skip

PROJECTS = [
    work(
        "llama-moe-building-mixture-of-experts-from-llama-with",
        "LLaMA-MoE: Building Mixture-of-Experts from LLaMA with Continual Pre-training",
        "Tong Zhu, Xiaoye Qu, **Daize Dong**, Jiacheng Ruan, Jingqi Tong, Conghui He, Yu Cheng",
        "EMNLP 2024", 2024,
        [("Code", "https://github.com/pjlab-sys4nlp/llama-moe"), ("Paper", "https://arxiv.org/abs/2406.16554")],
    ),
    work(
        "llama-moe-v2-exploring-sparsity-of-llama-from-perspective-of",
        "LLaMA-MoE v2: Exploring Sparsity of LLaMA from Perspective of Mixture-of-Experts with Post-Training",
        "Xiaoye Qu, **Daize Dong**, Xuyang Hu, Tong Zhu, Weigao Sun, Yu Cheng",
        None, None,
        [("Code", "https://github.com/OpenSparseLLMs/LLaMA-MoE-v2"), ("Paper", "https://arxiv.org/abs/2411.15708")],
    ),
]  # fmt: skip

INTERESTS = [
    {
        "area": "Conditional Computation",
        "topics": ["Mixture of Experts", "Sparse Activation Models"],
    },
    {"area": "Model Compression", "topics": ["Pruning", "Quantization", "Knowledge Distillation"]},
    {
        "area": "System Optimization",
        "topics": ["Accelerated Training", "Low-Latency Inference", "Efficient Kernel Design"],
    },
]

RUTGERS = "https://www.rutgers.edu/new-brunswick"
NEWS = [
    {
        "slug": "2025-04-will-join-rutgers-university-new-brunswick-as-a-ph",
        "date": "2025-04-01",
        "date_precision": "month",
        "text": f"Will join [Rutgers University, New Brunswick]({RUTGERS}) as a Ph.D. student!",
        "text_html": f'<p>Will join <a href="{RUTGERS}" rel="noopener noreferrer">'
        "Rutgers University, New Brunswick</a> as a Ph.D. student!</p>",
        "source": "seed",
        "links": [{"label": "Rutgers University, New Brunswick", "url": RUTGERS, "kind": "other"}],
    }
]

BIOGRAPHY = f"""\
I am an incoming Ph.D. student in Computer Science at [Rutgers University, New Brunswick]({RUTGERS}), advised by [Prof. Hongyi Wang](https://hwang595.github.io/).
My research focuses on improving the efficiency of neural networks across algorithmic and system levels. Specifically, I am interested in the following areas:

1. Conditional Computation: Mixture of Experts, Sparse Activation Models
2. Model Compression: Pruning, Quantization, Knowledge Distillation
3. System Optimization: Accelerated Training, Low-Latency Inference, Efficient Kernel Design"""

BIOGRAPHY_HTML = f"""\
<p>I am an incoming Ph.D. student in Computer Science at <a href="{RUTGERS}" rel="noopener noreferrer">Rutgers University, New Brunswick</a>, advised by <a href="https://hwang595.github.io/" rel="noopener noreferrer">Prof. Hongyi Wang</a>.
My research focuses on improving the efficiency of neural networks across algorithmic and system levels. Specifically, I am interested in the following areas:</p>
<ol>
<li>Conditional Computation: Mixture of Experts, Sparse Activation Models</li>
<li>Model Compression: Pruning, Quantization, Knowledge Distillation</li>
<li>System Optimization: Accelerated Training, Low-Latency Inference, Efficient Kernel Design</li>
</ol>"""

PROFILE = {
    "name": "Daize Dong",
    "biography": BIOGRAPHY,
    "biography_html": BIOGRAPHY_HTML,
    "affiliation": "Rutgers University, New Brunswick",
    "affiliation_url": RUTGERS,
    "page_title": "Biography",
    "avatar_url": None,
    "bio": None,
    "location": None,
    "employer": None,
    "email": None,
    "site_url": None,
    "social": [],
    "links": [
        {"label": "Rutgers University, New Brunswick", "url": RUTGERS, "kind": "other"},
        {"label": "Prof. Hongyi Wang", "url": "https://hwang595.github.io/", "kind": "other"},
    ],
}
