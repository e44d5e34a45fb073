# Toy VQA (fuse.py): a tiny ViT from scratch + projector + a 2-layer decoder, 32x32 images, ~0.17 s/step on one core.
run = "vqa"
steps = 4000  # cross fusion solves position by ~1000 steps and shape last; 2000 left it at 92%, 4000 at 100%
batch_size = 64
lr = 3e-3
eval_every = 100
n_eval = 1000
image_size = 32
patch_size = 8
vision_dim = 64
vision_layers = 2
dim = 64
n_layers = 2
n_heads = 4
