package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// katalog exports the message catalog as one CSV (key and the text in every
// language) for a native speaker to review, and imports the reviewed file
// back: the texts that differ from the compiled catalog are stored and the
// service uses them from its next start.
func (a *admin) katalog(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: katalog ekspor [FILE.csv] | katalog impor FILE.csv", errUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	if err := applyCatalogTexts(ctx, a.store); err != nil {
		return err
	}
	switch args[0] {
	case "ekspor", "export":
		w := out
		if f := optArg(args, 1); f != "" {
			file, err := os.Create(f)
			if err != nil {
				return err
			}
			defer file.Close()
			w = file
		}
		return flow.ExportCSV(w)
	case "impor", "import":
		if len(args) != 2 {
			return fmt.Errorf("%w: katalog impor FILE.csv", errUsage)
		}
		f, err := os.Open(args[1])
		if err != nil {
			return err
		}
		defer f.Close()
		cs, err := flow.ParseCSV(f)
		if err != nil {
			return fmt.Errorf("katalog tidak diimpor: %w", err)
		}
		texts := make([]postgres.CatalogText, len(cs))
		for i, c := range cs {
			texts[i] = postgres.CatalogText{Lang: c.Lang, Key: string(c.Key), Text: c.Text}
		}
		if err := a.store.ReplaceCatalogTexts(ctx, texts); err != nil {
			return err
		}
		fmt.Fprintf(out, "katalog diimpor: %d teks berbeda dari bawaan; berlaku setelah layanan dimulai ulang\n", len(texts))
		return nil
	}
	return fmt.Errorf("%w: katalog ekspor [FILE.csv] | katalog impor FILE.csv", errUsage)
}

// applyCatalogTexts puts the reviewed texts stored by "katalog impor" in
// place of the compiled ones. A text that no longer fits the catalog (its
// key was removed, or its placeholders changed in a newer release) is
// skipped, so that an old review never stops the service.
func applyCatalogTexts(ctx context.Context, st *postgres.Store) error {
	texts, err := st.CatalogTexts(ctx)
	if err != nil {
		return err
	}
	var cs []flow.Correction
	for _, t := range texts {
		c := flow.Correction{Lang: t.Lang, Key: flow.Key(t.Key), Text: t.Text}
		if flow.CheckText(c.Lang, c.Key, c.Text) == nil {
			cs = append(cs, c)
		}
	}
	return flow.Apply(cs)
}
