package store

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// ParseQuestion reads a question of the bank written "TOPIC:TEXT" (kith
// profile --question, a line of the TUI's profile form): the topic in
// lower case (a topic, sector, organisation, kind or "default"), both
// cleaned and trimmed.
func ParseQuestion(s string) (topic, text string, err error) {
	topic, text, ok := strings.Cut(s, ":")
	topic = strings.ToLower(CleanText(strings.TrimSpace(topic), false))
	text = CleanText(strings.TrimSpace(text), false)
	if !ok || topic == "" || text == "" {
		return "", "", errors.New("want TOPIC:TEXT, e.g. fintech:How did you move from banking to a start-up?")
	}
	return topic, text, nil
}

// QuestionLines is the bank as lines "topic: text", topics in order.
func QuestionLines(q map[string][]string) string {
	var b strings.Builder
	topics := make([]string, 0, len(q))
	for t := range q {
		topics = append(topics, t)
	}
	slices.Sort(topics)
	for _, t := range topics {
		for _, text := range q[t] {
			b.WriteString(t + ": " + text + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ParseQuestionLines reads the bank back from lines "topic: text"
// (QuestionLines), skipping blank lines; a line that is not one is a
// FieldError of field "question" naming the line.
func ParseQuestionLines(s string) (map[string][]string, error) {
	out := map[string][]string{}
	for i, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		t, text, err := ParseQuestion(line)
		if err != nil {
			return nil, &FieldError{Field: "question", Msg: "line " + strconv.Itoa(i+1) + ": " + err.Error()}
		}
		out[t] = append(out[t], text)
	}
	return out, nil
}
