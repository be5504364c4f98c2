//! Prints what `locate` says for each argument (or each stdin line): `text → country evidence "matched"`.
use std::io::BufRead;

fn show(text: &str) {
    match dipl_places::locate(text) {
        Some(l) => println!(
            "{text:?} → {} {} {:?}",
            l.country,
            l.evidence.as_str(),
            l.matched
        ),
        None => println!("{text:?} → None   {:?}", dipl_places::mentions(text)),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            show(&line);
        }
    } else {
        args.iter().for_each(|a| show(a));
    }
}
