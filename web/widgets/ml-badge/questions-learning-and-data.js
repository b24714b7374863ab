// Badge questions on what machine learning is and what it learns from: training and inference,
// parameters, the learning loop, rules written by hand or learned, examples, features and
// labels, and the kinds of learning.
// Format: see bank.js.
// Every "why" says why that choice is right or wrong, in the course's own words; computed
// questions ask the engine for the answer, and their distractors are the numbers common
// mistakes give.

export const LEARNING_AND_DATA = [
  // ── what machine learning is ───────────────────────────────────────────────────────────
  {
    id: 'training-or-inference', slot: 'what-ml-is',
    q: 'A finished model is put online and answers a customer\'s request. What is it doing?',
    right: ['Inference with its fixed parameters', 'The deployed model applies parameters that no longer change, turning the new input into an output; nothing is learned. Training is the slow, separate job that set those parameters.'],
    wrong: [
      ['Training: every answer adjusts its parameters', 'A deployed model normally keeps its parameters fixed. Adjusting them is training, which happens before deployment (or in separate runs).'],
      ['Measuring its test error', 'Test error needs the true labels of held-out examples; a live request has no label to compare with.'],
      ['Feature engineering', 'Feature engineering is a person choosing how to turn raw things into numbers. The deployed model only applies what was decided.'],
    ],
  },
  {
    id: 'what-are-parameters', slot: 'what-ml-is',
    q: 'In the model ŷ = w·x + b, what are w and b?',
    right: ['Parameters: the knobs that training adjusts', 'Training searches for the w and b with the smallest average loss; they are what the model learns.'],
    wrong: [
      ['Features: the inputs describing an example', 'The feature here is x, the input. w and b are applied to it.'],
      ['Labels: the answers we want to predict', 'The label is y, the true answer; ŷ is the model\'s guess of it.'],
      ['Hyperparameters set before training', 'Hyperparameters such as the learning rate η are chosen by a person; w and b are found by the learning itself.'],
    ],
  },
  {
    id: 'goal-of-training', slot: 'what-ml-is',
    q: 'What does a good training run ultimately aim for?',
    right: ['Low error on new inputs from the same source', 'Doing well on new data from the same source as the training data is called generalisation. Training error is only a stand-in we can compute; the real test is data the model never saw.'],
    wrong: [
      ['Zero error on the training examples', 'A model can reach zero training error by memorising its examples, noise included, and still fail on anything new.'],
      ['As many parameters as possible', 'More knobs make memorising easier, not learning. The right size depends on the data.'],
      ['A rule a person can read line by line', 'What training produces is a list of numbers, usually not a readable rule. Readable rules are what hand-written programs give.'],
    ],
  },

  // ── the learning loop ────────────────────────────────────────────────────────────────────
  {
    id: 'loop-poor-on-own', slot: 'learning-loop',
    q: 'A house-price model does badly even on the houses it was trained on. Which stages of the loop do you check first?',
    right: ['The labels, the features, the loss and the model\'s flexibility', 'Poor results on the training houses themselves point at what the model learns from and what it can express: wrong labels, features that say little about price, a loss that measures the wrong thing, or a model too rigid for the pattern (a straight line through prices that curve). A model that had memorised its houses would at least do well on them.'],
    wrong: [
      ['The validation split, since it has overfitted', 'Overfitting makes a model good on its own examples and poor on new ones; this one is poor on its own.'],
      ['The size of the test set', 'The test set only scores the finished model; it plays no part in fitting the training houses.'],
      ['None: training error never tells you much', 'Here it tells a lot: a model that cannot fit its own examples is broken before any question of new data.'],
    ],
  },
  {
    id: 'loop-blame', slot: 'learning-loop',
    q: 'In the learning loop, what does the gradient give each parameter?',
    right: ['How the loss changes when that parameter moves', 'Each parameter\'s partial derivative says how much the loss would change if that parameter moved a little; the update then moves each parameter a small step against it.'],
    wrong: [
      ['Its best possible value', 'The gradient only points downhill from where we are. The loop never computes the best value directly; it takes many small steps.'],
      ['The learning rate to use for it', 'η is a setting chosen by a person; the gradient is computed from the loss.'],
      ['Which example is mislabelled', 'The gradient mixes every example\'s error. Finding bad labels is a data-checking job.'],
    ],
  },
  {
    id: 'loop-last-step', slot: 'learning-loop',
    q: 'The training loss falls nicely for 1 000 steps. What must still happen before you trust the model?',
    right: ['Evaluate it on data the loop never trained on', 'A falling training loss is necessary but not enough: only unseen data shows whether the model learned structure or memorised noise.'],
    wrong: [
      ['Nothing: a falling loss proves the model works', 'The loss can fall all the way to zero by memorising the training set.'],
      ['Run another 1 000 steps to be sure', 'More steps lower the training loss further; they say nothing about new data, and can make memorising worse.'],
      ['Raise the learning rate to check it still converges', 'That probes the optimiser, not whether the model works on new inputs.'],
    ],
  },

  // ── rules or learning ────────────────────────────────────────────────────────────────────
  {
    id: 'rule-even', slot: 'rules-or-learning',
    q: 'Which of these jobs is better done by a hand-written rule than by learning from examples?',
    right: ['Telling whether a whole number is even', 'An exact one-line rule exists (look at the remainder after dividing by 2). Learning pays off when no such rule can be written down.'],
    wrong: [
      ['Sorting incoming emails into spam and not spam', 'Spam has no crisp definition and changes all the time: a learned filter copes far better than a list of rules.'],
      ['Recognising faces in photos', 'Nobody can write the pixel conditions for "this is a face"; learning from many labelled photos works.'],
      ['Forecasting next month\'s sales', 'Sales depend on many fuzzy factors; patterns are best learned from past data.'],
    ],
  },
  {
    id: 'rule-units', slot: 'rules-or-learning',
    q: 'A developer wants to convert temperatures from Celsius to Fahrenheit. Should she train a model?',
    right: ['No: write the known formula', 'The formula F = 1.8·C + 32 is known, exact and never changes. A learned model could only approximate it, and would need data for no gain.'],
    wrong: [
      ['Yes: learning always beats rules', 'Learning earns its keep where the rule is unknown or fuzzy. Here it would be slower and less exact than the formula.'],
      ['Yes, but only with a neural network', 'The kind of model is beside the point: no model is needed when an exact rule exists.'],
      ['Only if she has more than a million examples', 'No amount of data beats an exact, known formula.'],
    ],
  },
  {
    // Taught in ml-foundations ("Programs from examples": a program written by hand is mended by
    // reading its code, a learned model by studying its data and its mistakes); the slot's lesson,
    // rules-or-learning, is about choosing between the two, so a miss links to where it is taught.
    id: 'rule-debug', slot: 'rules-or-learning', lesson: 'ml-foundations', topic: 'Mending a rule or a learned model',
    q: 'A learned model makes a strange mistake. How do you usually find out why?',
    right: ['Study its data and its mistakes', 'The behaviour of a learned model comes from its examples and its numbers, so you look at what it learned from and where it fails.'],
    wrong: [
      ['Read its source code line by line', 'That works for hand-written rules; a learned model\'s behaviour lives in its parameters, not in readable code.'],
      ['Ask the model to explain its rule', 'A trained model holds numbers, not a rule it can state.'],
      ['Retrain it with a larger learning rate', 'That changes the optimiser, not your understanding of the mistake, and may make training unstable.'],
    ],
  },

  // ── examples, features and labels ────────────────────────────────────────────────────────
  {
    id: 'label-column', slot: 'features-labels',
    q: 'A table of houses is used to predict the selling price. What is the price column called?',
    right: ['The label', 'The label is the answer the model should learn to predict.'],
    wrong: [
      ['A feature', 'Features are the clues we give the model (floor area, bedrooms…); the price is what it must guess.'],
      ['An example', 'An example is one whole row: one house with its features and its price.'],
      ['A parameter', 'Parameters belong to the model and are set by training; the price is data.'],
    ],
  },
  {
    id: 'noise-feature', slot: 'features-labels',
    q: 'Floor area, number of bedrooms and the owner\'s shoe size are offered as features for house prices. Which one should go?',
    right: ['The owner\'s shoe size', 'The shoe size of whoever owns the house says nothing about its price, so a model can only pick up coincidences from that column.'],
    wrong: [
      ['Floor area', 'Bigger houses tend to cost more: floor area carries real signal.'],
      ['Number of bedrooms', 'Bedrooms track size and use, so they carry information about the price.'],
      ['None: more features always help', 'A useless feature adds noise the model may fit; it does not help for free.'],
    ],
  },
  {
    id: 'one-example', slot: 'features-labels',
    q: 'In a table where each row is one email with columns for word counts and a spam/not-spam column, what is one row?',
    right: ['One example', 'Each row is a single example: its features (word counts) together with its label (spam or not).'],
    wrong: [
      ['One feature', 'A feature is a column, measured for every email.'],
      ['The label', 'The label is the spam/not-spam column, one entry per row.'],
      ['The model', 'The model is the function learned from all the rows, not a row itself.'],
    ],
  },

  // ── kinds of learning ────────────────────────────────────────────────────────────────────
  {
    id: 'kind-clustering', slot: 'kinds-of-learning',
    q: 'A shop groups its customers by buying habits without anybody saying what the groups should be. Which kind of learning is that?',
    right: ['Unsupervised', 'There are no labels, only data; the method finds the structure by itself (clustering).'],
    wrong: [
      ['Supervised', 'Supervised learning needs the right answer for every training example; nobody gave one here.'],
      ['Reinforcement', 'Reinforcement learning has an agent acting and being rewarded; there is no agent or reward here.'],
      ['Rule-based programming', 'Nobody wrote the groups down; the groups come from the data.'],
    ],
  },
  {
    id: 'kind-supervised', slot: 'kinds-of-learning',
    q: 'People went through 10 000 emails and tagged every one as "spam" or "not spam"; a filter is then trained on them. Which kind of learning is that?',
    right: ['Supervised', 'Every training example comes with its right answer (the label), and the model learns to reproduce it.'],
    wrong: [
      ['Unsupervised', 'Unsupervised learning gets no answers; here every email carries one.'],
      ['Reinforcement', 'Nothing here takes actions or earns rewards; the labels are handed over before training starts.'],
      ['Self-supervised, because the labels come from the emails', 'A person marked every email; self-supervised learning cuts its answers out of the data itself, with nobody labelling anything.'],
    ],
  },
  {
    id: 'kind-reinforcement', slot: 'kinds-of-learning',
    q: 'A program learns to play a game by trying moves and receiving points only when it wins. Which kind of learning is that?',
    right: ['Reinforcement', 'An agent acts, the world pays rewards (often late), and the agent learns which actions pay off.'],
    wrong: [
      ['Supervised', 'Nobody tells the program the right move for each position; it only gets a reward at the end.'],
      ['Unsupervised', 'There is a reward signal to maximise, not just data to find structure in.'],
      ['Clustering', 'Clustering groups data points; it does not choose actions.'],
    ],
  },
];
