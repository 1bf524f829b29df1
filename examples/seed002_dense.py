# Seed 002: "Keras model.summary result - Understanding the # of Parameters". Total params: 705.
# The article prints 640 parameters for the first layer and calls its input "10": 640 = 9 x 64 + 64,
# so the model it summarised had 9 input features.
from keras.models import Sequential
from keras.layers import Dense

model = Sequential()
model.add(Dense(64, input_shape=(9,)))
model.add(Dense(1))

model.summary()
