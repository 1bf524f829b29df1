# Seed 002: "Keras model.summary result - Understanding the # of Parameters". Total params: 705.
from keras.models import Sequential
from keras.layers import Dense

model = Sequential()
model.add(Dense(64, input_shape=(10,)))
model.add(Dense(1))

model.summary()
