"""A class of the script keeps the paths of files a download would give (as the classic
image_ocr example's TextImageGenerator does); the model's sizes come from its code, not from
the files: the download is skipped, the object is built with the unknown paths, and only
what reads the files is skipped."""
import os

import keras
from keras import layers

# -- model (golden case scripts/script_class_paths) --
alphabet = "abcdefghijklmnopqrstuvwxyz "


class TextImageGenerator(keras.callbacks.Callback):
    def __init__(self, monogram_file, bigram_file, minibatch_size, absolute_max_string_len=16):
        self.monogram_file = monogram_file
        self.bigram_file = bigram_file
        self.minibatch_size = minibatch_size
        self.blank_label = self.get_output_size() - 1
        self.absolute_max_string_len = absolute_max_string_len

    def get_output_size(self):
        return len(alphabet) + 1

    def build_word_list(self, num_words):
        with open(self.monogram_file) as f:
            self.words = f.read().split()[:num_words]


def build_model(img_gen, img_w=64):
    inputs = keras.Input(shape=(img_w, 32), name="the_input")
    x = layers.GRU(64, return_sequences=True, name="gru")(inputs)
    outputs = layers.Dense(img_gen.get_output_size(), activation="softmax", name="dense2")(x)
    labels = keras.Input(shape=[img_gen.absolute_max_string_len], name="the_labels")
    return keras.Model([inputs, labels], [outputs, labels], name="ocr")
# -- end model --


fdir = os.path.dirname(keras.utils.get_file(
    "wordlists.tgz", origin="http://www.mythic-ai.com/datasets/wordlists.tgz", untar=True))
img_gen = TextImageGenerator(
    monogram_file=os.path.join(fdir, "wordlist_mono_clean.txt"),
    bigram_file=os.path.join(fdir, "wordlist_bi_clean.txt"),
    minibatch_size=32)
img_gen.build_word_list(16000)
print("blank label:", img_gen.blank_label, "words from", img_gen.monogram_file)
model = build_model(img_gen)
model.summary()
