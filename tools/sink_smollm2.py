"""The attention sink on SmolLM2-135M, measured (shown in 11_smollm2): per layer, what the first token does to bucket
entropy and the attention it receives, on the first 32 calibration windows of each text (the windows `compare` and
`analyze` draw: 256 tokens, seed 2024). Writes nbs/results/smollm2-sink/<text>.csv and run.json. About a minute.

    python tools/sink_smollm2.py
"""
import os, sys, time
from pathlib import Path

from entrodrop.calibration import calibration_windows
from entrodrop.core import CALIBRATION_DEFAULTS, atomic_folder, hardware, library_versions, write_json
from entrodrop.dynamics import sink_profile
from entrodrop.models import load_model_and_tokenizer

TEXTS, WINDOWS = ("austen", "sotu"), 32

def main(out: Path = Path("nbs/results/smollm2-sink")):
    model, tokenizer = load_model_and_tokenizer("smollm2-135m")
    settings = {"model": "smollm2-135m", "texts": TEXTS, "windows": WINDOWS, "seqlen": CALIBRATION_DEFAULTS["seqlen"],
                "seed": CALIBRATION_DEFAULTS["seed"]}
    with atomic_folder(out, overwrite=True) as folder:
        for text in TEXTS:
            windows = calibration_windows(text, tokenizer, WINDOWS, CALIBRATION_DEFAULTS["seqlen"], CALIBRATION_DEFAULTS["seed"])
            sink_profile(model, windows).to_csv(folder / f"{text}.csv")
            print(f"{text}: done", file=sys.stderr)
        write_json(folder / "run.json", {"command": "python tools/sink_smollm2.py", "settings": settings,
                                         "versions": library_versions(), "hardware": hardware(),
                                         "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")})

if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
