package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"time"
)

// savedRun is what -json keeps of a run, so that the next run can show
// whether the figures reproduce (-compare).
type savedRun struct {
	Commit  string        `json:"commit"`
	Date    time.Time     `json:"date"`
	Load    string        `json:"load"`
	Results []savedResult `json:"results"`
}

type savedResult struct {
	Dialect string                   `json:"dialect"`
	Case    string                   `json:"case"`
	Tools   map[string][]savedSample `json:"tools"`
}

type savedSample struct {
	WallNS int64 `json:"wallNs"`
	CPUNS  int64 `json:"cpuNs"`
	RSSKiB int64 `json:"rssKiB"`
}

func (b *bencher) saved(env *environment) savedRun {
	out := savedRun{Commit: env.commit, Date: env.date.UTC(), Load: env.loadDuring}
	for _, r := range b.results {
		sr := savedResult{Dialect: r.dialect, Case: r.kase, Tools: map[string][]savedSample{}}
		for name, s := range r.tools {
			if s == nil {
				continue
			}
			for _, x := range s.samples {
				sr.Tools[name] = append(sr.Tools[name], savedSample{WallNS: int64(x.wall), CPUNS: int64(x.cpu), RSSKiB: x.rss})
			}
		}
		out.Results = append(out.Results, sr)
	}
	return out
}

func readSaved(path string) (*savedRun, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s savedRun
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return &s, nil
}

func (s savedResult) stats(tool string) stats {
	xs := s.Tools[tool]
	if len(xs) == 0 {
		return stats{}
	}
	se := &series{tool: tool}
	for _, x := range xs {
		se.samples = append(se.samples, sample{wall: time.Duration(x.WallNS), cpu: time.Duration(x.CPUNS), rss: x.RSSKiB})
	}
	return se.stats()
}

// comparison renders the current results beside prev's, case by case: the
// wall, CPU and RSS ratios that the targets are about, and how far each moved.
func (b *bencher) comparison(prev *savedRun, prevPath string) string {
	var w strings.Builder
	fmt.Fprintf(&w, "Against %s: sqzjs commit %s, %s, load average %s. Each cell is previous / this run.\n\n",
		prevPath, prev.Commit, prev.Date.Format("2006-01-02 15:04 UTC"), prev.Load)
	w.WriteString("| dialect | case | sqzjs ms | sqzjs / sequelize-cli | sqzjs / replay | CPU sqzjs / sequelize-cli | peak RSS MiB sqzjs | RSS sqzjs / sequelize-cli |\n")
	w.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	worst := map[string]float64{}
	worstAt := map[string]string{}
	note := func(metric, at string, a, c float64) string {
		if math.IsNaN(a) || math.IsNaN(c) {
			return "—"
		}
		if d := math.Abs(c - a); d > worst[metric] {
			worst[metric], worstAt[metric] = d, at
		}
		return fmt.Sprintf("%.3f / %.3f", a, c)
	}
	for _, p := range prev.Results {
		r := b.find(p.Dialect, p.Case)
		if r == nil {
			continue
		}
		at := p.Dialect + " " + p.Case
		pq, pc, pr := p.stats(toolSqzjs), p.stats(toolCLI), p.stats(toolReplay)
		cq, cc, cr := r.tools[toolSqzjs].stats(), r.tools[toolCLI].stats(), r.tools[toolReplay].stats()
		fmt.Fprintf(&w, "| %s | %s | %s / %s | %s | %s | %s | %s / %s | %s |\n", p.Dialect, p.Case,
			msOrDash(pq), msOrDash(cq),
			note("wall ratio to sequelize-cli", at, wallRatioOf(pq, pc), wallRatioOf(cq, cc)),
			note("wall ratio to the replay", at, wallRatioOf(pq, pr), wallRatioOf(cq, cr)),
			note("CPU ratio to sequelize-cli", at, cpuRatioOf(pq, pc), cpuRatioOf(cq, cc)),
			mibOrDash(pq), mibOrDash(cq),
			note("RSS ratio to sequelize-cli", at, rssRatioOf(pq, pc), rssRatioOf(cq, cc)))
	}
	w.WriteString("\nLargest change of each ratio between the two runs:\n\n")
	for _, m := range []string{"wall ratio to sequelize-cli", "wall ratio to the replay", "CPU ratio to sequelize-cli", "RSS ratio to sequelize-cli"} {
		if at, ok := worstAt[m]; ok {
			fmt.Fprintf(&w, "- %s: %.3f (%s)\n", m, worst[m], at)
		}
	}
	return w.String()
}

func msOrDash(s stats) string {
	if !s.ok {
		return "—"
	}
	return ms(s.med)
}

func mibOrDash(s stats) string {
	if !s.ok {
		return "—"
	}
	return mib(s.rss)
}

func wallRatioOf(a, b stats) float64 {
	if !a.ok || !b.ok || b.med == 0 {
		return math.NaN()
	}
	return float64(a.med) / float64(b.med)
}

func cpuRatioOf(a, b stats) float64 {
	if !a.ok || !b.ok || b.cpu == 0 {
		return math.NaN()
	}
	return float64(a.cpu) / float64(b.cpu)
}

func rssRatioOf(a, b stats) float64 {
	if !a.ok || !b.ok || b.rss == 0 {
		return math.NaN()
	}
	return float64(a.rss) / float64(b.rss)
}
