//! Print the detection and question verdict for each line of standard input:
//! `echo "Спасибо!" | cargo run -p dipl-lang --example detect`.

use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let d = dipl_lang::detect(&line);
        let q = dipl_lang::is_question(&line, d.map(|d| d.lang));
        match d {
            Some(d) => println!(
                "{}\t{:.2}\t{:?}\tq={}\t{}",
                d.lang, d.confidence, d.method, q, line
            ),
            None => println!("-\t-\t-\tq={q}\t{line}"),
        }
    }
}
