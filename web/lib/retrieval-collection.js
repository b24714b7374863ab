// The retrieval collection: 28 short passages about Alderbrook, a town we made up (library,
// buses, bins, pool, market), questions with the passages that answer them, and two questions the
// collection cannot answer. Written for this course; data only — every number shown from it is
// computed by the engine (TfidfRetriever, LsaRetriever, extractAnswer, recallAtK).
//
// The object between the BEGIN/END markers is plain JSON (a JSON object is also a JavaScript
// expression): tests/fixtures/generators/retrieval.py reads it as-is, so scikit-learn's reference
// numbers are computed from exactly these texts. Keep it JSON (double quotes, no trailing commas).
export const RETRIEVAL_DATA = /* BEGIN-JSON */ {
  "stopWords": ["a", "an", "and", "are", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in", "is", "it", "its", "may", "my", "of", "on", "or", "the", "their", "there", "to", "what", "when", "where", "which", "who", "will", "with", "you", "your", "we", "our", "this", "that", "any", "after", "before", "than", "get", "has", "have"],
  "passages": [
    "The Alderbrook library opens at 9 am and closes at 6 pm from Monday to Friday. On Saturday it opens at 10 am and closes at 1 pm.",
    "The library is closed on Sundays and on public holidays. The book drop by the front door stays open all night.",
    "Anyone who lives in Alderbrook can borrow up to eight books at a time with a free library card. Bring a letter with your address to sign up.",
    "Books are lent for three weeks. You can renew a loan twice online unless another reader has reserved the book.",
    "A late book costs 20 cents a day, up to a limit of 5 euros per book. Children's books carry no late fees.",
    "Bicycles can be locked to the racks behind the library. The racks are covered, so saddles stay dry when it rains.",
    "The number 4 bus runs from the railway station to the hospital every 15 minutes on weekdays. In the evening and at weekends it runs every half hour.",
    "The last number 4 bus leaves the station at 11:40 pm. After midnight the town has no buses, only the night taxi service.",
    "A single bus ticket costs 1.80 euros and is valid for 90 minutes, transfers included. A monthly pass costs 38 euros.",
    "Folding bikes may be carried on any bus. Full-size bikes are allowed only outside the rush hours of 7 to 9 am and 4 to 6 pm.",
    "Pupils under 16 ride the bus for free when they show a school pass to the driver.",
    "Household rubbish is collected every Tuesday morning. Put the grey wheelie bin at the kerb by 7 am.",
    "Glass bottles and jars go in the green bin, which is emptied every other Thursday. Please rinse them first and remove the lids.",
    "Paper and cardboard go in the blue bin. Flatten boxes so more fits in, and keep greasy pizza boxes out.",
    "Batteries must never go in a household bin: they can start fires in the collection lorry. Drop them in the red box at the library entrance.",
    "Garden waste such as grass cuttings and hedge trimmings can be taken to the compost yard on Mill Lane, free of charge, on Saturdays.",
    "Old furniture and large appliances are picked up by appointment. Call the town hall to book a bulky-waste collection for 25 euros.",
    "The town hall on Market Square is open from 8 am to 4 pm on weekdays. Passports and identity cards are handled there by appointment.",
    "The outdoor swimming pool opens in June and closes at the end of August. Lifeguards watch the pool from 10 am to 7 pm.",
    "A swim at the pool costs 4 euros for adults and 2 euros for children under 12. A family season ticket costs 90 euros.",
    "The farmers' market fills Market Square every Friday from 7 am until noon. Stalls sell vegetables, cheese, honey and bread from nearby farms.",
    "Dogs must be kept on a lead in the town park between April and July, when ground-nesting birds raise their chicks.",
    "The park's playground has swings, a climbing net and a sandpit. It was rebuilt in 2025 with a soft floor under every frame.",
    "Parking in the town centre is free for the first hour with a parking disc. After that, a ticket from the machine costs 1 euro per hour.",
    "The health centre on Station Road sees patients from 8 am to 6 pm. For urgent help at night, phone the on-call doctor.",
    "The library lends e-readers for two weeks to card holders. Each one comes loaded with forty classic novels.",
    "Every Wednesday afternoon a volunteer helps visitors with phones and laptops in the library's reading room.",
    "The annual cheese festival takes place on the first weekend of October, with tastings and a cheese-rolling race down Castle Hill."
  ],
  "questions": [
    {
      "text": "What time does the library open on Saturday?",
      "relevant": [0]
    },
    {
      "text": "Is the library open on Easter Monday?",
      "relevant": [1]
    },
    {
      "text": "How many books can I borrow?",
      "relevant": [2]
    },
    {
      "text": "How long can I keep a book?",
      "relevant": [3]
    },
    {
      "text": "How much is the fine for returning a book late?",
      "relevant": [4]
    },
    {
      "text": "Where can I leave my bike near the library?",
      "relevant": [5]
    },
    {
      "text": "When is the last bus from the station?",
      "relevant": [7]
    },
    {
      "text": "How much does a bus ticket cost?",
      "relevant": [8]
    },
    {
      "text": "Can I take my bicycle on the bus?",
      "relevant": [9]
    },
    {
      "text": "Do children pay for the bus?",
      "relevant": [10]
    },
    {
      "text": "When are the bins emptied?",
      "relevant": [11, 12]
    },
    {
      "text": "Where do I put a pizza box?",
      "relevant": [13]
    },
    {
      "text": "How do I get rid of old batteries?",
      "relevant": [14]
    },
    {
      "text": "What should I do with grass cuttings?",
      "relevant": [15]
    },
    {
      "text": "How do I get rid of an old sofa?",
      "relevant": [16]
    },
    {
      "text": "How much does swimming cost?",
      "relevant": [19]
    },
    {
      "text": "Which day is the market?",
      "relevant": [20]
    },
    {
      "text": "Can my dog run free in the park?",
      "relevant": [21]
    },
    {
      "text": "Who can help me with my laptop?",
      "relevant": [26]
    },
    {
      "text": "When is the cheese festival?",
      "relevant": [27]
    }
  ],
  "outside": [
    "When does the museum open?",
    "Where is the nearest airport?"
  ]
} /* END-JSON */;

export const PASSAGES = RETRIEVAL_DATA.passages;
export const STOP_WORDS = RETRIEVAL_DATA.stopWords;
export const QUESTIONS = RETRIEVAL_DATA.questions;
// Questions about things the collection does not cover: the right answer is "not found".
export const OUTSIDE_QUESTIONS = RETRIEVAL_DATA.outside;
