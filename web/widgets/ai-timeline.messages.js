// Every word the ai-timeline widget itself shows a learner (English); the events, eras and lesson
// names come from web/lib/ai-history.js. Another language adds the same keys with addMessages
// (web/lib/messages.js).
export const messages = {
  'ai-timeline.title': 'Eighty years of AI',
  'ai-timeline.hint': 'Click an event, or focus the timeline and use the arrow keys, to read what happened and why it mattered. Shaded bands are the eras.',
  'ai-timeline.board': 'Timeline of AI from 1943 to 2024',
  'ai-timeline.legend.symbolic': 'symbolic AI (rules, search)',
  'ai-timeline.legend.winter': 'AI winter',
  'ai-timeline.legend.statistical': 'statistical ML',
  'ai-timeline.legend.deep': 'deep learning',
  'ai-timeline.earlier': '← Earlier',
  'ai-timeline.later': 'Later →',
  'ai-timeline.stat.event': 'event',
  'ai-timeline.stat.year': 'year',
  'ai-timeline.stat.era': 'era',
  'ai-timeline.eventOf': '{index} of {total}',
  'ai-timeline.era.early': 'beginnings',
  'ai-timeline.when': '{when} · {era}',
  'ai-timeline.try': 'Try the idea: ',
  'ai-timeline.linkSeparator': ' · ',
  'ai-timeline.figure': 'Timeline of AI, 1943 to 2024. Selected: {when}, {title}. Arrow keys move between events.',
  'ai-timeline.selected': '{when}: {short}. Event {index} of {total}; ← and → (or the buttons) step through time.',
};
