// Short reviews of cafés, books, films and gadgets we wrote for sentiment classification: 1 = positive,
// 0 = negative. Every fifth review (index 4, 9, 14, …) is held out as the test set. Several use
// "not" and "never" on purpose, so the bag of words meets the negation problem. Data only —
// every number shown from them is computed by the engine.
//
// The object between the BEGIN/END markers is plain JSON (a JSON object is also a JavaScript
// expression): tests/fixtures/generators/sentiment.py reads it as-is for scikit-learn's reference.
export const SENTIMENT_DATA = /* BEGIN-JSON */ {
  "reviews": [
    ["Lovely coffee and friendly staff, we will be back", 1],
    ["The soup was cold and the service was slow", 0],
    ["A great read, I finished it in one evening", 1],
    ["Not good at all, the battery died after a week", 0],
    ["Brilliant film with a wonderful ending", 1],
    ["Boring plot and terrible acting", 0],
    ["The cake was delicious and fresh", 1],
    ["Awful headphones, the sound is thin and tinny", 0],
    ["Not bad at all, the price was fair and the food tasty", 1],
    ["The book was not worth the money", 0],
    ["Excellent value, it works perfectly", 1],
    ["The staff were rude and the tea was weak", 0],
    ["I loved every page of this book", 1],
    ["The film was not good, far too long and dull", 0],
    ["Great sound and the battery lasts for days", 1],
    ["Broken on arrival and the seller never replied", 0],
    ["Friendly service and a lovely view of the river", 1],
    ["Disappointing, the pizza was burnt", 0],
    ["Not bad for the price, it does the job well", 1],
    ["The worst coffee I have ever had", 0],
    ["A wonderful story, warm and funny", 1],
    ["Cheap plastic that broke in two days", 0],
    ["Perfect for a quiet afternoon, great cakes", 1],
    ["The plot was a mess and the ending was silly", 0],
    ["Fast delivery and it works great", 1],
    ["Not good, the screen scratches far too easily", 0],
    ["The best bread in town, always fresh", 1],
    ["Dull characters and a slow, boring story", 0],
    ["Never disappointed, the food is always good", 1],
    ["The charger stopped working after a month", 0],
    ["Funny, clever and beautifully filmed", 1],
    ["Not worth the wait, the food was bland", 0],
    ["Good coffee, good music, good people", 1],
    ["Terrible service, we waited an hour", 0],
    ["A clever little gadget that I use every day", 1],
    ["The sound was awful and the case cracked", 0],
    ["Lovely staff and the best soup I have had", 1],
    ["Not good enough for the price", 0],
    ["I would read it again, a brilliant book", 1],
    ["Slow, rude and expensive", 0],
    ["The film was great, the actors were excellent", 1],
    ["The keyboard feels cheap and the keys stick", 0],
    ["Tasty food and a warm welcome", 1],
    ["Never again, the worst meal of the year", 0],
    ["Works well and the battery is great", 1],
    ["The story was not interesting and the ending was weak", 0],
    ["A delicious lunch, fresh and not expensive", 1],
    ["Boring, I fell asleep halfway through", 0],
    ["Great value and a lovely design", 1],
    ["The coffee was bitter and cold", 0],
    ["Wonderful acting and a moving story", 1],
    ["It broke the first time I used it", 0],
    ["Not bad, a pleasant surprise", 1],
    ["The staff ignored us and the tables were dirty", 0],
    ["My favourite book this year, truly excellent", 1],
    ["The film was a waste of time", 0],
    ["Friendly people and the cakes are perfect", 1],
    ["Poor sound and the app keeps crashing", 0],
    ["A great gadget, simple and reliable", 1],
    ["Not good, the pages fell out", 0],
    ["Good fun from start to finish", 1],
    ["Bad food and a bad attitude", 0],
    ["The tea was good and the cakes even better", 1],
    ["A bad copy, the print is blurred", 0],
    ["Not bad, the soup was hot and tasty", 1],
    ["The bread was not fresh and the coffee was not hot", 0],
    ["A good phone for the price", 1],
    ["The service was not friendly", 0],
    ["The staff were not rude at all, very helpful", 1],
    ["Bad sound, bad battery, bad buy", 0]
  ]
} /* END-JSON */;

export const REVIEWS = SENTIMENT_DATA.reviews;
// The held-out reviews: every fifth (index 4, 9, 14, …), half of them positive.
export const isTestReview = (i) => i % 5 === 4;
export const START_REVIEW = 'The coffee was not good, but the staff were lovely';
// Reviews where "not" or "never" flips the meaning of the word after it.
export const NEGATION_EXAMPLES = ['The soup was not good', 'The soup was not bad', 'The film was not great', 'The staff were not friendly'];

// Word pairs (bigrams) as extra tokens: the words of a text as the engine's tokenize() gives
// them, followed by every adjacent pair joined by a middle dot ("not·good"). The dot is outside
// ASCII, so the engine's tokenizer keeps a pair as one word when it reads the result back.
export const PAIR_JOINER = '\u00b7';
export function withWordPairs(words) {
  const pairs = [];
  for (let i = 0; i + 1 < words.length; i++) pairs.push(`${words[i]}${PAIR_JOINER}${words[i + 1]}`);
  return [...words, ...pairs].join(' ');
}
