// Content for the history lesson's two widgets: the events and eras of the AI timeline, and the
// techniques of the AI ⊃ ML ⊃ DL sorting game with the reason each belongs where it does.
// Plain data (no DOM, no maths). `lesson` names a course page that lets the learner try the idea.
// This is the lesson's content (like its Markdown), not interface: the widgets' own words (buttons,
// readouts, messages, the sets' names) are in their message tables (web/widgets/*.messages.js).

export const FIRST_YEAR = 1940;
export const LAST_YEAR = 2026;

// Shaded periods. kind picks the band colour: symbolic (rules and search), winter, statistical, deep.
export const ERAS = [
  { from: 1956, to: 1974, kind: 'symbolic', name: 'Symbolic AI' },
  { from: 1974, to: 1980, kind: 'winter', name: 'First winter', short: 'Winter' },
  { from: 1980, to: 1987, kind: 'symbolic', name: 'Expert systems', short: 'Experts' },
  { from: 1987, to: 1993, kind: 'winter', name: 'Second winter', short: 'Winter' },
  { from: 1993, to: 2012, kind: 'statistical', name: 'Statistical ML' },
  { from: 2012, to: LAST_YEAR, kind: 'deep', name: 'Deep learning' },
];

export const ERA_LABEL = {
  symbolic: 'symbolic AI: hand-written rules and search',
  winter: 'an AI winter: money and interest dried up',
  statistical: 'statistical machine learning: models fitted to data',
  deep: 'deep learning: many-layered networks on GPUs',
  early: 'the beginnings, before AI had a name',
};

export const LESSONS = {
  'neural-network-playground': 'Neural-network playground',
  'draw-the-boundary': 'Draw the boundary',
  'rules-or-learning': 'Rules or learning?',
  'activation-functions': 'Activation functions and vanishing gradients',
  'convolution-filters': 'Convolution filters',
  'attention-toy': 'Attention in a six-word sentence',
  'q-learning': 'Q-learning in a gridworld',
  'svm': 'Support vector machines: the widest street',
  'gradient-descent': 'Gradient descent',
  'vectors-and-matrices': 'Vectors and matrices as transformations',
  'gan': 'Generative adversarial networks',
};

// year: where the marker sits; when: the date as written. short: the label on the figure.
export const EVENTS = [
  { year: 1943, when: '1943', short: 'Artificial neuron', title: 'McCulloch and Pitts model a neuron',
    detail: 'Warren McCulloch and Walter Pitts describe a neuron as a unit that adds up weighted on/off inputs and fires when the sum passes a threshold, and show that networks of such units can compute logic. Every artificial neural network since is built from descendants of this unit.',
    lessons: ['vectors-and-matrices', 'neural-network-playground'] },
  { year: 1950, when: '1950', short: 'Turing test', title: 'Turing asks whether machines can think',
    detail: 'Alan Turing’s paper “Computing Machinery and Intelligence” replaces the question with a game: if a judge chatting by text cannot tell the machine from a person, call the machine intelligent. The “imitation game” became known as the Turing test.',
    lessons: [] },
  { year: 1956, when: '1956', short: 'Dartmouth', title: 'The Dartmouth workshop names the field',
    detail: 'John McCarthy, Marvin Minsky, Claude Shannon and Nathaniel Rochester propose a summer study at Dartmouth College on the conjecture that every feature of intelligence can be described precisely enough for a machine to simulate it. McCarthy’s term “artificial intelligence” sticks. Early programs prove theorems by searching with hand-written rules, but Arthur Samuel’s checkers player at IBM improves its own scoring of positions from the games it plays, many against itself; his 1959 paper on it made the term “machine learning” known.',
    lessons: ['rules-or-learning'] },
  { year: 1958, when: '1957–58', short: 'Perceptron', title: 'Rosenblatt’s perceptron learns from examples',
    detail: 'Frank Rosenblatt’s perceptron (a 1957 report and a 1958 paper; the Mark I hardware followed) adjusts its weights after each mistake, so it learns a straight-line boundary between two classes instead of being programmed with one. It is the first learning algorithm for a neuron.',
    lessons: ['draw-the-boundary', 'neural-network-playground'] },
  { year: 1969, when: '1969', short: 'Perceptrons book', title: 'Minsky and Papert’s “Perceptrons”',
    detail: 'The book proves that a single-layer perceptron cannot compute XOR or tell whether a figure is connected. Multi-layer networks could, but nobody knew how to train them, and funding for neural networks faded. Together with the 1973 Lighthill report in Britain this helped bring on the first AI winter (about 1974–1980).',
    lessons: ['neural-network-playground'] },
  { year: 1980, when: '1980s', short: 'Expert systems', title: 'Expert systems go to work',
    detail: 'Programs such as XCON, which configured computer orders at DEC, encode a specialist’s know-how as thousands of if-then rules. They pay off in narrow domains, but the rules are costly to write and brittle outside them. When the market for them and for Lisp machines collapsed in 1987, the second AI winter began (about 1987–1993).',
    lessons: ['rules-or-learning'] },
  { year: 1986, when: '1986', short: 'Backpropagation', title: 'Backpropagation is popularised',
    detail: 'David Rumelhart, Geoffrey Hinton and Ronald Williams show in Nature that the chain rule, applied backwards through a network, gives the gradient of the loss for every weight, so multi-layer networks can be trained by gradient descent and learn useful hidden features. The idea had earlier roots (Linnainmaa 1970, Werbos 1974).',
    lessons: ['neural-network-playground', 'gradient-descent'] },
  { year: 1995, when: '1995', short: 'SVMs', title: 'Support vector machines',
    detail: 'Corinna Cortes and Vladimir Vapnik publish the soft-margin support vector machine. With kernels, margins and convex training that always finds the best solution, methods with solid statistics behind them (SVMs, and later random forests and boosting) lead machine learning for the next fifteen years.',
    lessons: ['svm'] },
  { year: 1997, when: '1997', short: 'Deep Blue', title: 'Deep Blue beats Kasparov',
    detail: 'IBM’s Deep Blue defeats the world chess champion Garry Kasparov in a six-game match. It wins by searching some 200 million positions a second with an evaluation function tuned by experts: a triumph of search and hand-crafted knowledge rather than of learning.',
    lessons: ['rules-or-learning'] },
  { year: 1998, when: '1998', short: 'LeNet-5', title: 'LeNet-5 reads handwritten digits',
    detail: 'Yann LeCun and colleagues’ convolutional network LeNet-5, trained by backpropagation, reads handwritten digits on cheques. Its stack of small learned filters, pooling and a classifier is the template today’s vision networks still follow.',
    lessons: ['convolution-filters'] },
  { year: 2006, when: '2006', short: '“Deep learning”', title: 'Deep networks return',
    detail: 'Geoffrey Hinton and colleagues train deep belief networks one layer at a time and revive interest in many-layered networks under the name “deep learning”. Better activations (ReLU), more data and GPUs soon make the layer-by-layer trick unnecessary.',
    lessons: ['activation-functions'] },
  { year: 2012, when: '2012', short: 'AlexNet', title: 'AlexNet wins ImageNet',
    detail: 'Alex Krizhevsky, Ilya Sutskever and Geoffrey Hinton’s eight-layer convolutional network, trained on two GPUs with ReLU and dropout, wins the ImageNet challenge with a top-5 error of about 15%, against about 26% for the runner-up. Computer vision switches to deep learning almost overnight.',
    lessons: ['convolution-filters'] },
  { year: 2014, when: '2014', short: 'GANs', title: 'Generative adversarial networks',
    detail: 'Ian Goodfellow and colleagues train two networks against each other: a generator that makes fake images and a discriminator that tries to catch them. It opens the way to networks that create new content rather than label it.',
    lessons: ['gan'] },
  { year: 2016, when: '2016', short: 'AlphaGo', title: 'AlphaGo beats Lee Sedol',
    detail: 'DeepMind’s AlphaGo defeats Lee Sedol at Go, a game with far too many positions for Deep Blue’s brute-force search. Deep networks learned from human games and from self-play with reinforcement learning, guiding a tree search.',
    lessons: ['q-learning'] },
  { year: 2017, when: '2017', short: 'Transformer', title: 'The Transformer: attention is all you need',
    detail: 'Ashish Vaswani and colleagues at Google replace recurrence with attention: every token looks at every other token through query–key dot products. The architecture trains in parallel on huge corpora and becomes the basis of nearly every language model.',
    lessons: ['attention-toy'] },
  { year: 2018, when: '2018', short: 'BERT, GPT-1', title: 'Pre-trained language models',
    detail: 'BERT (Google) and GPT-1 (OpenAI) pre-train a Transformer on a large amount of unlabelled text and then fine-tune it for particular tasks, setting new records across language benchmarks.',
    lessons: ['attention-toy'] },
  { year: 2020, when: '2020', short: 'GPT-3', title: 'GPT-3 and scale',
    detail: 'OpenAI’s GPT-3 has 175 billion parameters and can do many tasks from a few examples written into its prompt, without any retraining: bigger models trained on more text keep getting better.',
    lessons: ['attention-toy'] },
  { year: 2021, when: '2021', short: 'DALL-E', title: 'DALL-E: images from a sentence',
    detail: 'OpenAI’s DALL-E draws pictures of what a typed caption describes, such as “an armchair in the shape of an avocado”. It is a Transformer with 12 billion parameters that reads the caption’s tokens and then writes the image as a further sequence of tokens. The next year DALL-E 2 and Stable Diffusion, built on diffusion models, made text-to-image generation a tool anyone could use.',
    lessons: ['attention-toy', 'gan'] },
  { year: 2022, when: '2022', short: 'ChatGPT', title: 'ChatGPT',
    detail: 'A GPT model fine-tuned to follow instructions and hold a conversation (with reinforcement learning from human feedback) reaches about 100 million users in two months, bringing large language models to the public.',
    lessons: ['attention-toy'] },
  { year: 2024, when: '2023–24', short: 'LLMs everywhere', title: 'Large language models everywhere',
    detail: 'GPT-4, Claude, Gemini, Llama and Mistral arrive, followed by models that take images and audio as well as text, “reasoning” models that work through a problem step by step, and agents that use tools. All are deep networks built on the Transformer.',
    lessons: ['attention-toy'] },
];

// The era an event falls in (events before 1956 belong to the beginnings).
export function eraOf(year) {
  const era = ERAS.find((e) => year >= e.from && year < e.to);
  return era ? era.kind : 'early';
}

// The sorting game: where each technique belongs (its innermost set) and why.
// region: 'ai' (AI but not ML), 'ml' (ML but not DL), 'dl' (deep learning); the regions' names
// are ai-hierarchy's words ('ai-hierarchy.region.ai', … in web/widgets/ai-hierarchy.messages.js).

export const TECHNIQUES = [
  { id: 'expert', short: 'Expert system', name: 'Expert system (if-then rules)', region: 'ai',
    why: 'Its knowledge is typed in by people as if-then rules; it never learns anything from data. Intelligent-looking behaviour without learning is AI, but not ML.' },
  { id: 'minimax', short: 'Minimax chess', name: 'Chess program using minimax search', region: 'ai',
    why: 'It looks ahead through possible moves and scores positions with a hand-written formula. Searching is not learning from examples, so it is AI but not ML — like Deep Blue.' },
  { id: 'astar', short: 'A* route planner', name: 'Route planner (A* shortest path)', region: 'ai',
    why: 'A* finds the shortest route by a clever, fixed search over the road map. Nothing is fitted to data, so it is classic AI, not ML.' },
  { id: 'linreg', short: 'Linear regression', name: 'Linear regression', region: 'ml',
    why: 'Its weights are fitted to data by minimising the squared error, so it learns. But it is a single weighted sum, not a stack of learned layers: ML, not DL.' },
  { id: 'kmeans', short: 'k-means', name: 'k-means clustering', region: 'ml',
    why: 'k-means learns cluster centres from unlabelled data, so it is ML — but there is no layered network inside it, so it is not DL.' },
  { id: 'tree', short: 'Decision tree', name: 'Decision tree', region: 'ml',
    why: 'The tree learns its questions (which feature, which threshold) from labelled examples. It is a tree of rules found by data, not a neural network: ML, not DL.' },
  { id: 'qtable', short: 'Tabular Q-learning', name: 'Q-learning with a table', region: 'ml',
    why: 'It learns action values from rewards (reinforcement learning), so it is ML. The values live in a table, one cell per state and action, with no network: not DL. Replace the table by a deep network and you get DQN, which is DL.' },
  { id: 'perceptron', short: 'One perceptron', name: 'A single perceptron', region: 'ml',
    why: 'It is a neural network, and it learns — but it has one layer of weights. “Deep” means several layers that learn features for one another, so one perceptron is ML, not DL.' },
  { id: 'cnn', short: 'CNN for photos', name: 'Convolutional network for photos', region: 'dl',
    why: 'Many layers of learned filters, each building on the features of the one before, trained end to end by backpropagation: that is exactly deep learning.' },
  { id: 'llm', short: 'Transformer LLM', name: 'Transformer language model (an LLM)', region: 'dl',
    why: 'Dozens of stacked attention and feed-forward layers with billions of weights learned from text: deep learning (and, because it writes new text, generative AI).' },
  { id: 'dqn', short: 'Deep Q-network', name: 'Deep Q-network playing Atari', region: 'dl',
    why: 'Still Q-learning from rewards, but the action values come from a many-layered convolutional network reading the screen pixels: deep (reinforcement) learning.' },
];

// The order the game deals the techniques in: mixed, so neighbours rarely share a set.
export const DEAL_ORDER = ['expert', 'linreg', 'cnn', 'kmeans', 'minimax', 'tree', 'llm', 'qtable', 'perceptron', 'astar', 'dqn'];
