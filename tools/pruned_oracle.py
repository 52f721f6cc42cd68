"""The oracle tests of 05b_removal, once on a real model: a folder written by `entrodrop prune`, reloaded through the
standard call in this fresh process, against the dense model it came from.

    python tools/pruned_oracle.py MODEL FOLDER > oracle.json

Checks, each printed as a number with the tolerance fixed before the run:
- removal = zero-ablation: the reloaded pruned model's logits against the dense model's with the removed blocks' outputs
  zeroed by hooks, on 2 held-out windows (max absolute difference, and the share of positions with the same argmax);
- exact reload: the reloaded model's logits against those of the dense model pruned in memory (max difference 0);
- cached = uncached: greedy generation with and without the KV cache, for a short prompt and for one longer than the
  model's sliding window (where it has one), 16 new tokens each.
On a model that mixes sliding-window and full attention, the same checks run a second time on a plan made by hand that
removes the full-attention blocks of every unprotected full layer and one sliding block (saved and reloaded likewise),
whatever the ranking chose.
"""
import copy, json, sys, tempfile

import torch
from transformers import AutoModelForCausalLM

from entrodrop.calibration import calibration_windows, window_bos
from entrodrop.core import CALIBRATION_DEFAULTS, HELD_OUT_DEFAULTS, protected_layers, read_folder_plan
from entrodrop.models import default_texts, load_model_and_tokenizer
from entrodrop.ranking import PruningPlan
from entrodrop.removal import prune, reference_logits, save_pruned

ZERO_ABLATION_TOLERANCE = 1e-3  # max |logit difference|, fp32; fixed before the run

@torch.inference_mode()
def greedy(model, ids: torch.Tensor, use_cache: bool, new_tokens: int = 16) -> list[int]:
    out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=new_tokens,
                         min_new_tokens=new_tokens, do_sample=False, use_cache=use_cache, pad_token_id=0)
    return out[0, ids.shape[1]:].tolist()

def check_folder(dense, tokenizer, model_name: str, folder: str) -> dict:
    "The three checks for one pruned folder, reloaded through the standard call."
    plan = PruningPlan.from_dict(read_folder_plan(folder))
    pruned = AutoModelForCausalLM.from_pretrained(folder, trust_remote_code=True, dtype=torch.float32).eval()
    bos = window_bos(dense, tokenizer)
    held_out = calibration_windows(default_texts(model_name)[1], tokenizer, 2, CALIBRATION_DEFAULTS["seqlen"],
                                   HELD_OUT_DEFAULTS["seed"], bos_token_id=bos)
    with torch.inference_mode():
        reloaded = pruned(input_ids=held_out, use_cache=False).logits
        in_memory = prune(copy.deepcopy(dense), plan)(input_ids=held_out, use_cache=False).logits
    ablated = reference_logits(dense, plan, held_out)
    window = getattr(dense.config, "sliding_window", None) or 0
    long_text = calibration_windows(default_texts(model_name)[1], tokenizer, 1, max(window, 256) + 88,
                                    HELD_OUT_DEFAULTS["seed"], bos_token_id=bos)
    short = tokenizer("The capital of France is", return_tensors="pt").input_ids
    prompts = {"short": short, "longer than the sliding window": long_text}
    generation = {name: {"prompt_tokens": ids.shape[1], "cached": greedy(pruned, ids, True), "uncached": greedy(pruned, ids, False)}
                  for name, ids in prompts.items()}
    layer_types = getattr(dense.config, "layer_types", None)
    result = {
        "plan": plan.to_dict(),
        "removed_attention_layer_types": [layer_types[i] for i in plan.attention] if layer_types else None,
        "zero_ablation_max_abs_difference": float((reloaded - ablated).abs().max()),
        "zero_ablation_tolerance": ZERO_ABLATION_TOLERANCE,
        "zero_ablation_same_argmax": float((reloaded.argmax(-1) == ablated.argmax(-1)).float().mean()),
        "reload_max_abs_difference": float((reloaded - in_memory).abs().max()),
        "held_out_windows": list(held_out.shape), "windows_start_with_bos": bos is not None and bool((held_out[:, 0] == bos).all()),
        "generation": generation,
        "cached_equals_uncached": all(g["cached"] == g["uncached"] for g in generation.values()),
    }
    result["passed"] = (result["zero_ablation_max_abs_difference"] <= ZERO_ABLATION_TOLERANCE
                        and result["reload_max_abs_difference"] == 0 and result["cached_equals_uncached"])
    return result

def mixed_plan(config) -> PruningPlan | None:
    "Attention of every unprotected full-attention layer and of the first unprotected sliding one; None without a mix."
    layer_types, n = getattr(config, "layer_types", None), config.num_hidden_layers
    if not layer_types or len(set(layer_types)) < 2: return None
    free = [i for i in range(n) if i not in protected_layers(n)]
    full = [i for i in free if layer_types[i] == "full_attention"]
    sliding = [i for i in free if layer_types[i] == "sliding_attention"][:1]
    return PruningPlan("attention", n, attention=sorted(full + sliding))

def main(model_name: str, folder: str) -> dict:
    dense, tokenizer = load_model_and_tokenizer(model_name, dtype="float32")
    result = {"model": model_name, "ranked_plan": check_folder(dense, tokenizer, model_name, folder)}
    plan = mixed_plan(dense.config)
    if plan is not None:
        with tempfile.TemporaryDirectory() as scratch:
            save_pruned(prune(copy.deepcopy(dense), plan), f"{scratch}/mixed", tokenizer)
            result["mixed_plan"] = check_folder(dense, tokenizer, model_name, f"{scratch}/mixed")
    result["passed"] = all(check["passed"] for key, check in result.items() if key.endswith("_plan"))
    return result

if __name__ == "__main__":
    result = main(*sys.argv[1:3])
    print(json.dumps(result, indent=2))
    sys.exit(0 if result["passed"] else 1)
