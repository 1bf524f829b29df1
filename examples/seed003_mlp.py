# Seed 003: "How many parameters?" (Image Modeling with Keras). Total params: 7,993.
from keras.models import Sequential
from keras.layers import Dense

model = Sequential()

model.add(Dense(10, activation='relu',
                input_shape=(784,)))

model.add(Dense(10, activation='relu'))

model.add(Dense(3, activation='softmax'))

model.summary()
