"""The attention sink, measured: per layer, what the first token does to bucket entropy and the attention it receives,
on the first 32 calibration windows of each text (the windows `compare` and `analyze` draw: 256 tokens, seed 2024,
starting with the BOS token where the model's family wants one). Writes nbs/results/<name>-sink/<text>.csv and run.json,
where <name> is the model's name before its size (smollm2, gemma3). About a minute per text.

    python tools/sink.py [--model smollm2-135m] [--texts austen,sotu]
"""
import argparse, os, sys
from pathlib import Path

from entrodrop.calibration import calibration_windows, window_bos
from entrodrop.core import CALIBRATION_DEFAULTS, atomic_folder, run_record, write_json
from entrodrop.dynamics import sink_profile
from entrodrop.models import load_model_and_tokenizer

WINDOWS = 32

def main(model_name: str, texts: list[str]):
    model, tokenizer = load_model_and_tokenizer(model_name)
    bos = window_bos(model, tokenizer)
    settings = {"model": model_name, "texts": texts, "windows": WINDOWS, "seqlen": CALIBRATION_DEFAULTS["seqlen"],
                "seed": CALIBRATION_DEFAULTS["seed"], "bos_token_id": bos}
    with atomic_folder(Path("nbs/results") / f"{model_name.split('-')[0]}-sink", overwrite=True) as folder:
        for text in texts:
            windows = calibration_windows(text, tokenizer, WINDOWS, CALIBRATION_DEFAULTS["seqlen"], CALIBRATION_DEFAULTS["seed"],
                                          bos_token_id=bos)
            sink_profile(model, windows).to_csv(folder / f"{text}.csv")
            print(f"{text}: done", file=sys.stderr)
        write_json(folder / "run.json", run_record(settings, program="python tools/sink.py"))

if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--texts", default="austen,sotu")
    args = parser.parse_args()
    main(args.model, args.texts.split(","))
