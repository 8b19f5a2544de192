package store

import (
	"errors"
	"reflect"
	"testing"
)

func TestQuestionLinesRoundTrip(t *testing.T) {
	q, err := ParseQuestionLines("Fintech: How did you start?\n\n default :What next?\nfintech: And then?")
	want := map[string][]string{"fintech": {"How did you start?", "And then?"}, "default": {"What next?"}}
	if err != nil || !reflect.DeepEqual(q, want) {
		t.Fatalf("parsed %v, %v; want %v", q, err, want)
	}
	if got := QuestionLines(q); got != "default: What next?\nfintech: How did you start?\nfintech: And then?" {
		t.Errorf("lines %q", got)
	}
	var fe *FieldError
	if _, err := ParseQuestionLines("ok: fine\nno colon"); !errors.As(err, &fe) || fe.Field != "question" || fe.Msg[:7] != "line 2:" {
		t.Errorf("a bad line: %v", err)
	}
}
