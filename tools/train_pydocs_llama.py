"""Train the package's offline default model, `pydocs-llama`: a small Llama trained from scratch on
the Python 3.11 documentation, so that the pipeline has a real, trained model to measure with no hub.

Corpus: Debian's python3.11-doc package (apt-get install python3.11-doc), every folder of
/usr/share/doc/python3.11/html/_sources except tutorial/ (the shipped calibration set,
`--calibration python-docs`) and faq/ (the shipped held-out set, `python-faq`), turned to prose by
`make_text_sample.sections` with the API descriptions kept. (c) the Python Software Foundation,
PSF License: entrodrop/data/PYTHON-DOCS-LICENSE.txt. The weights are released with the package under
its Apache-2.0 licence.

Tokenizer: byte-level BPE with 4096 tokens trained on the same corpus. Model: LlamaForCausalLM,
8 layers, hidden 256, MLP 768, 8 heads (4 KV heads), tied embeddings: 7.3M parameters, fp32.
Training: AdamW, random 256-token windows, batch 16, warm-up then cosine decay; the loss curve and
the held-out perplexity go to training_log.csv beside the weights.

    python tools/train_pydocs_llama.py            # 39 minutes here, on 2 CPU cores
"""
import argparse, csv, json, math, random, sys, time
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from entrodrop.quality import perplexity

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_text_sample import API_DIRECTIVES, PROSE_DIRECTIVES, SOURCES, sections

TARGET = Path(__file__).resolve().parent.parent / "entrodrop" / "data" / "pydocs-llama"
HELD_OUT = Path(__file__).resolve().parent.parent / "entrodrop" / "data" / "python_docs_faq.jsonl"
EOS = "<|endoftext|>"

def corpus() -> list[str]:
    "Every section of the Python docs but the tutorial and the FAQ, as plain prose."
    folders = sorted(p for p in SOURCES.iterdir() if p.is_dir() and p.name not in ("tutorial", "faq"))
    return ["\n\n".join(paragraphs) for folder in folders for path in sorted(folder.glob("*.rst.txt"))
            for _, paragraphs in sections(path, PROSE_DIRECTIVES + API_DIRECTIVES)]

def train_tokenizer(texts: list[str], vocab_size: int) -> PreTrainedTokenizerFast:
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.train_from_iterator(texts, trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[EOS], show_progress=False,
                                                             initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, bos_token=EOS, eos_token=EOS, pad_token=EOS, model_max_length=1024)

def held_out_windows(tokenizer, seqlen: int, n: int = 32) -> torch.Tensor:
    text = " ".join(json.loads(line)["text"] for line in HELD_OUT.read_text().splitlines() if line.strip())
    ids = tokenizer(text, return_tensors="pt").input_ids[0]
    step = (len(ids) - seqlen) // n
    return torch.stack([ids[i * step:i * step + seqlen] for i in range(n)])

def held_out_perplexity(model, windows: torch.Tensor) -> float:
    model.eval()
    value = perplexity(model, windows, batch_size=8)
    model.train()
    return value

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=1000); parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seqlen", type=int, default=256); parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--warmup", type=int, default=60); parser.add_argument("--vocab", type=int, default=4096)
    parser.add_argument("--seed", type=int, default=0); parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", default=str(TARGET))
    args = parser.parse_args()
    torch.manual_seed(args.seed); random.seed(args.seed); torch.set_num_threads(args.threads)
    texts = corpus()
    tokenizer = train_tokenizer(texts, args.vocab)
    stream = torch.tensor([t for text in texts for t in tokenizer(text).input_ids + [tokenizer.eos_token_id]])
    print(f"{len(texts)} documents, {sum(map(len, texts)) / 1e6:.2f} M characters, {len(stream) / 1e6:.2f} M tokens", flush=True)
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=256, intermediate_size=768, num_hidden_layers=8,
                         num_attention_heads=8, num_key_value_heads=4, max_position_embeddings=1024, rope_theta=10000.0,
                         tie_word_embeddings=True, bos_token_id=tokenizer.eos_token_id, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.eos_token_id)
    model = LlamaForCausalLM(config)
    held_out = held_out_windows(tokenizer, args.seqlen)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    rest = [p for n, p in model.named_parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.95))
    schedule = lambda step: min(1.0, (step + 1) / args.warmup) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, step / args.steps))))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    generator = torch.Generator().manual_seed(args.seed)
    log = [{"step": 0, "train_loss": None, "held_out_perplexity": held_out_perplexity(model, held_out), "seconds": 0.0}]
    print(log[0], flush=True)
    start, recent = time.time(), []
    model.train()
    for step in range(1, args.steps + 1):
        starts = torch.randint(0, len(stream) - args.seqlen, (args.batch_size,), generator=generator)
        batch = torch.stack([stream[s:s + args.seqlen] for s in starts.tolist()])
        loss = model(input_ids=batch, labels=batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step(); scheduler.step(); optimizer.zero_grad(set_to_none=True)
        recent.append(loss.item())
        if step % 25 == 0 or step == args.steps:
            row = {"step": step, "train_loss": sum(recent) / len(recent), "held_out_perplexity": None, "seconds": time.time() - start}
            if step % 250 == 0 or step == args.steps: row["held_out_perplexity"] = held_out_perplexity(model, held_out)
            log.append(row); recent = []
            print(row, flush=True)
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
    model.eval()
    model.generation_config.pad_token_id = tokenizer.eos_token_id
    model.save_pretrained(out); tokenizer.save_pretrained(out)
    with open(out / "training_log.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(log[0])); writer.writeheader(); writer.writerows(log)
    (out / "training_args.json").write_text(json.dumps({**vars(args), "out": None, "documents": len(texts), "tokens": len(stream),
                                                        "parameters": sum(p.numel() for p in model.parameters())}, indent=2))
    print(f"wrote {out}")

if __name__ == "__main__":
    main()
