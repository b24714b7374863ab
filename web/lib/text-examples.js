// Data for the text-to-numbers playground: a small corpus, a hand-made 2-D word embedding and a
// set of short spam/ham messages. Data only: every number shown from them is computed by the
// engine (tokenize, Vocabulary, bagOfWords, cosine similarity, MultinomialNaiveBayes).

// Sentences the vocabulary of the tokens-to-ids widget is built from.
export const CORPUS = [
  'The cat sat on the mat.',
  'The dog sat on the rug.',
  'A cat chased a mouse around the house.',
  'The dog and the cat are friends.',
  'My dog likes long walks in the park.',
  'It rained all day, so the cat slept.',
  'We walked the dog in the rain.',
  'The mouse ate the cheese in the kitchen.',
  'A big dog barked at the small cat.',
  "The park is quiet when it's raining.",
  'Cats and dogs both like a warm house.',
  'The kitchen smells of fresh bread.',
];

export const START_TEXT = 'The black cat sat in the kitchen, and the dog ate my homework!';

// A hand-designed embedding: 29 words in 2-D, laid out so that the direction from the origin
// carries the meaning (people up-right, vehicles up-left, animals left, food down-left, bad
// words down, good words right). Offsets are exact where analogies should work: king = man +
// (1.5, 1.5), queen = woman + (1.5, 1.5), boy = man − (0.8, 0.8), puppy = dog + (kitten − cat).
// The fourth entry says where the label goes (l, r) so that neighbours' labels do not collide.
export const EMBEDDING = [
  ['man', 2.0, 4.0, 'r'], ['woman', 4.0, 2.0, 'r'], ['king', 3.5, 5.5, 'r'], ['queen', 5.5, 3.5, 'r'],
  ['boy', 1.2, 3.2, 'l'], ['girl', 3.2, 1.2, 'r'], ['prince', 2.7, 4.7, 'r'], ['princess', 4.7, 2.7, 'r'],
  ['car', -1.3, 5.2, 'r'], ['bus', -2.0, 3.9, 'l'], ['train', -3.0, 5.0, 'l'], ['bike', -0.8, 2.9, 'l'],
  ['cat', -4.6, 1.6, 'l'], ['kitten', -2.6, 1.3, 'r'], ['dog', -4.8, -0.45, 'l'], ['puppy', -2.8, -0.75, 'r'], ['horse', -4.4, -1.8, 'l'],
  ['apple', -1.3, -3.9, 'l'], ['banana', -2.6, -4.6, 'l'], ['bread', -0.9, -5.3, 'l'], ['cheese', -1.9, -3.0, 'l'],
  ['bad', 1.9, -4.2, 'r'], ['awful', 3.0, -6.3, 'r'], ['terrible', 1.5, -5.0, 'r'], ['sad', 1.2, -2.4, 'l'],
  ['good', 3.6, -1.6, 'l'], ['great', 5.6, -2.2, 'r'], ['excellent', 4.4, -2.9, 'r'], ['happy', 2.6, -0.75, 'r'],
];
// The plotted window: equal spans so that angles on screen are true angles.
export const EMBEDDING_DOMAIN = { x0: -7, x1: 8, y0: -7.5, y1: 7.5 };
export const EMBEDDING_WORDS = EMBEDDING.map((r) => r[0]);
export const EMBEDDING_FLAT = Float64Array.from(EMBEDDING.flatMap((r) => [r[1], r[2]]));

// Short messages we wrote for the spam filter: [text, label] with 1 = spam, 0 = not spam (ham).
// Every fourth message (index 3, 7, 11, …) is held out as the test set.
export const MESSAGES = [
  ['WIN a FREE holiday! Reply YES to claim your prize now', 1],
  ['Are we still on for lunch tomorrow?', 0],
  ['Your account has been suspended, verify your password here', 1],
  ['Congratulations, you have won a free phone, call now', 1],
  ['Can you send me the notes from the meeting?', 0],
  ['Cheap loans, no credit check, apply today', 1],
  ['Running late, see you at the station in ten minutes', 0],
  ['Claim your cash prize before midnight', 1],
  ['Happy birthday! Hope you have a lovely day', 0],
  ['URGENT: your parcel is waiting, pay the delivery fee now', 1],
  ['The meeting moved to Thursday at 3', 0],
  ['Thanks for dinner last night, it was great', 0],
  ['You are a winner! Free entry to our weekly cash draw', 1],
  ['Mum says call her when you get home', 0],
  ['Limited offer: buy one get one free, click the link', 1],
  ['Exclusive deal just for you, click now to win', 1],
  ['Did you finish the report for Monday?', 0],
  ['Lowest price pills, order now, free delivery', 1],
  ['Let me know when you are home', 0],
  ['Your free ringtone is waiting, reply to claim', 1],
  ['Shall we go to the park on Saturday?', 0],
  ['Act now! Your account will be closed, verify today', 1],
  ['I left my keys at your place, can I pick them up later?', 0],
  ['Can we move our call to the afternoon?', 0],
  ['You have been selected for a cash reward, reply now', 1],
  ['Dinner is in the oven, back soon', 0],
  ['Win big tonight, free bets for new players', 1],
  ['Please review the draft before the meeting', 0],
  ['Final notice: claim your free gift card today', 1],
  ['The kids loved the museum, thanks for the tip', 0],
  ['Earn cash from home, no experience needed, click here', 1],
  ['Your prize is waiting, call now to claim it', 1],
  ['See you at the meeting tomorrow morning', 0],
  ['Hot singles in your area, click the link now', 1],
  ['Could you pick up some bread on the way home?', 0],
  ['Free entry: win a new car, text WIN now', 1],
  ['Our train is delayed, we will be home late', 0],
  ['Great news: you won a free cruise, claim your prize', 1],
  ['Lunch at noon? The usual place', 0],
  ['Verify your bank details now to avoid a fee', 1],
  ['Thanks for the notes, see you Monday', 0],
  ['Lovely photos from the weekend, thanks for sharing', 0],
  ['Cash prize draw tonight, reply to enter for free', 1],
  ['Can you call me after the meeting?', 0],
];

export const isTestIndex = (i) => i % 4 === 3;

export const START_MESSAGE = 'Call now to claim your free lunch prize';
