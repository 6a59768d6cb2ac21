package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/fazhi/fazhi/warehouse"
)

const userUsage = `Usage:
  fazhi user add [--db PATH] --role viewer|analyst|admin NAME
  fazhi user list [--db PATH]
  fazhi user passwd [--db PATH] NAME
  fazhi user disable [--db PATH] NAME

Users log in to the workbench. Roles: viewer (查看) reads, analyst (分析)
corrects facts and reports, admin (管理) also uploads and retires reports.
The password is prompted for (twice) on a terminal, otherwise read from the
first line of standard input. A changed password or a disabled user ends
their sessions; users are never deleted (they are the authors of their
corrections). The server must be stopped, as for every command that writes.
`

func runUser(ctx context.Context, cfg Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, userUsage)
		return errors.New("user: say add, list, passwd or disable")
	}
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	cfg.commonFlags(fs)
	role := fs.String("role", "", "viewer (查看), analyst (分析) or admin (管理); for add")
	fs.Usage = func() { fmt.Fprint(stderr, userUsage); fs.PrintDefaults() }
	cmd := args[0]
	switch cmd {
	case "add", "list", "passwd", "disable":
	default:
		fmt.Fprint(stderr, userUsage)
		return fmt.Errorf("user: unknown command %q (add, list, passwd or disable)", cmd)
	}
	if err := parseFlags(fs, &cfg, args[1:], stderr); err != nil {
		return err
	}
	switch {
	case cmd == "list" && fs.NArg() != 0:
		return errors.New("user list: takes no names")
	case cmd != "list" && fs.NArg() != 1:
		fs.Usage()
		return fmt.Errorf("user %s: name one user", cmd)
	}
	r, err := parseRole(*role, cmd == "add")
	if err != nil {
		return fmt.Errorf("user %s: %w", cmd, err)
	}
	var password string
	if cmd == "add" || cmd == "passwd" {
		if password, err = readPassword(stdin, stderr); err != nil {
			return fmt.Errorf("user %s: %w", cmd, err)
		}
	}
	db, err := openWarehouseFor(ctx, cfg, "stop it to manage users")
	if err != nil {
		return err
	}
	defer db.Close()
	name := fs.Arg(0)
	switch cmd {
	case "add":
		err = db.AddUser(ctx, name, r, password)
		if err == nil {
			fmt.Fprintf(stdout, "added %s (%s)\n", name, r)
		}
	case "passwd":
		err = db.SetPassword(ctx, name, password)
		if err == nil {
			fmt.Fprintf(stdout, "password of %s changed; their sessions ended\n", name)
		}
	case "disable":
		err = db.DisableUser(ctx, name)
		if err == nil {
			fmt.Fprintf(stdout, "disabled %s; their sessions ended\n", name)
		}
	case "list":
		err = listUsers(ctx, db, stdout)
	}
	return err
}

// parseRole reads --role: the English name or the Chinese one.
func parseRole(s string, required bool) (string, error) {
	switch s {
	case "":
		if required {
			return "", errors.New("--role is required: viewer, analyst or admin")
		}
		return "", nil
	case warehouse.RoleViewer, "查看":
		return warehouse.RoleViewer, nil
	case warehouse.RoleAnalyst, "分析":
		return warehouse.RoleAnalyst, nil
	case warehouse.RoleAdmin, "管理":
		return warehouse.RoleAdmin, nil
	}
	return "", fmt.Errorf("--role must be viewer, analyst or admin, not %q", s)
}

// readPassword prompts twice on a terminal, else reads stdin's first line.
func readPassword(stdin io.Reader, stderr io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, "password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stderr, "again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("the two passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password on standard input")
	}
	return line, nil
}

func listUsers(ctx context.Context, db *warehouse.DB, stdout io.Writer) error {
	users, err := db.Users(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tROLE\tSTATE\tCREATED")
	for _, u := range users {
		state := "enabled"
		if u.Disabled {
			state = "disabled"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", u.Name, u.Role, state, u.CreatedAt.Format("2006-01-02 15:04Z"))
	}
	return w.Flush()
}
