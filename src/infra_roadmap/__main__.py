from infra_roadmap.cli import main

main(prog_name="roadmap")
