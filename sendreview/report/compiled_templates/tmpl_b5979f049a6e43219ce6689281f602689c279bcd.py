from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_table = l_0_row = l_0_cell = l_0_plain_row = l_0_evidence = l_0_items = l_0_recommendations = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_3 = environment.filters['sendreview-loop']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-loop' found.")
    try:
        t_4 = environment.filters['sendreview-size']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-size' found.")
    pass
    def macro(l_1_widths, l_1_header, l_1_id, l_1_row_heads, l_1_caller):
        t_5 = []
        if l_1_widths is missing:
            l_1_widths = undefined("parameter 'widths' was not provided", name='widths')
        if l_1_header is missing:
            l_1_header = 1
        if l_1_id is missing:
            l_1_id = ''
        if l_1_row_heads is missing:
            l_1_row_heads = 1
        pass
        t_5.append(
            '::: {.table',
        )
        if l_1_id:
            pass
            t_5.extend((
                ' #',
                escape(environment.finalize(l_1_id)),
            ))
        t_5.extend((
            ' widths="',
            escape(environment.finalize(l_1_widths)),
            '" header="',
            escape(environment.finalize(l_1_header)),
            '" row-heads="',
            escape(environment.finalize(l_1_row_heads)),
            '"}\n',
            escape(environment.finalize(environment.call(context, l_1_caller))),
            '\n:::\n',
        ))
        return concat(t_5)
    context.exported_vars.add('table')
    context.vars['table'] = l_0_table = Macro(environment, macro, 'table', ('widths', 'header', 'id', 'row_heads'), False, False, True, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_caller):
        t_6 = []
        pass
        t_6.extend((
            '::: {.row}\n',
            escape(environment.finalize(environment.call(context, l_1_caller))),
            '\n:::\n',
        ))
        return concat(t_6)
    context.exported_vars.add('row')
    context.vars['row'] = l_0_row = Macro(environment, macro, 'row', (), False, False, True, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_caller):
        t_7 = []
        pass
        t_7.extend((
            '::: {.cell}\n',
            escape(environment.finalize(environment.call(context, l_1_caller))),
            '\n\n:::\n',
        ))
        return concat(t_7)
    context.exported_vars.add('cell')
    context.vars['cell'] = l_0_cell = Macro(environment, macro, 'cell', (), False, False, True, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_values):
        t_8 = []
        if l_1_values is missing:
            l_1_values = undefined("parameter 'values' was not provided", name='values')
        pass
        t_8.append(
            '::: {.row}\n',
        )
        for l_2_value in t_3(l_1_values):
            _loop_vars = {}
            pass
            t_8.extend((
                '::: {.cell}\n',
                escape(environment.finalize(l_2_value)),
                '\n:::\n',
            ))
        l_2_value = missing
        t_8.append(
            ':::\n',
        )
        return concat(t_8)
    context.exported_vars.add('plain_row')
    context.vars['plain_row'] = l_0_plain_row = Macro(environment, macro, 'plain_row', ('values',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_refs):
        t_9 = []
        if l_1_refs is missing:
            l_1_refs = undefined("parameter 'refs' was not provided", name='refs')
        pass
        l_2_loop = missing
        for l_2_ref, l_2_loop in LoopContext(t_3(l_1_refs), undefined):
            _loop_vars = {}
            pass
            t_9.extend((
                '[',
                escape(environment.finalize((environment.getattr(l_2_ref, 'label') if environment.getattr(l_2_ref, 'first') else environment.getattr(l_2_ref, 'id')))),
                '](#',
                escape(environment.finalize(environment.getattr(l_2_ref, 'anchor'))),
                ')',
            ))
            if (not environment.getattr(l_2_loop, 'last')):
                pass
                t_9.append(
                    '; ',
                )
        l_2_loop = l_2_ref = missing
        return concat(t_9)
    context.exported_vars.add('evidence')
    context.vars['evidence'] = l_0_evidence = Macro(environment, macro, 'evidence', ('refs',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_list, l_1_with_evidence, l_1_empty):
        t_10 = []
        if l_1_list is missing:
            l_1_list = undefined("parameter 'list' was not provided", name='list')
        if l_1_with_evidence is missing:
            l_1_with_evidence = True
        if l_1_empty is missing:
            l_1_empty = 'None recorded.'
        pass
        if l_1_list:
            pass
            for l_2_item in t_3(l_1_list):
                _loop_vars = {}
                pass
                t_10.extend((
                    '- ',
                    escape(environment.finalize(t_2(environment.getattr(l_2_item, 'text'), 2))),
                    '\n',
                ))
                if (l_1_with_evidence and environment.getattr(l_2_item, 'evidence')):
                    pass
                    t_10.extend((
                        '\n  *Evidence:* ',
                        escape(environment.finalize(environment.call(context, (undefined(name='evidence') if l_0_evidence is missing else l_0_evidence), environment.getattr(l_2_item, 'evidence'), _loop_vars=_loop_vars))),
                        '\n\n',
                    ))
            l_2_item = missing
        else:
            pass
            t_10.extend((
                '*',
                escape(environment.finalize(l_1_empty)),
                '*\n',
            ))
        return concat(t_10)
    context.exported_vars.add('items')
    context.vars['items'] = l_0_items = Macro(environment, macro, 'items', ('list', 'with_evidence', 'empty'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_list, l_1_with_evidence):
        t_11 = []
        if l_1_list is missing:
            l_1_list = undefined("parameter 'list' was not provided", name='list')
        if l_1_with_evidence is missing:
            l_1_with_evidence = True
        pass
        for l_2_rec in t_3(l_1_list):
            l_2__ = resolve('_')
            l_2_facts = missing
            _loop_vars = {}
            pass
            t_11.extend((
                '**',
                escape(environment.finalize(environment.getattr(l_2_rec, 'id'))),
                '.** ',
                escape(environment.finalize(t_2(environment.getattr(l_2_rec, 'text')))),
                '\n\n',
            ))
            l_2_facts = []
            _loop_vars['facts'] = l_2_facts
            if environment.getattr(l_2_rec, 'owner'):
                pass
                l_2__ = environment.call(context, environment.getattr((undefined(name='facts') if l_2_facts is missing else l_2_facts), 'append'), markup_join((t_4(markup_join(('Owner: ', environment.getattr(l_2_rec, 'owner'), ))), )), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            if environment.getattr(l_2_rec, 'due'):
                pass
                l_2__ = environment.call(context, environment.getattr((undefined(name='facts') if l_2_facts is missing else l_2_facts), 'append'), markup_join((t_4(markup_join(('Due: ', environment.getattr(l_2_rec, 'due'), ))), )), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            if environment.getattr(l_2_rec, 'priority'):
                pass
                l_2__ = environment.call(context, environment.getattr((undefined(name='facts') if l_2_facts is missing else l_2_facts), 'append'), markup_join((t_4(markup_join(('Priority: ', environment.getattr(l_2_rec, 'priority'), ))), )), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            if (undefined(name='facts') if l_2_facts is missing else l_2_facts):
                pass
                t_11.extend((
                    escape(environment.finalize(t_1(context.eval_ctx, (undefined(name='facts') if l_2_facts is missing else l_2_facts), ' · '))),
                    '\n\n',
                ))
            if (l_1_with_evidence and environment.getattr(l_2_rec, 'evidence')):
                pass
                t_11.extend((
                    '*Evidence:* ',
                    escape(environment.finalize(environment.call(context, (undefined(name='evidence') if l_0_evidence is missing else l_0_evidence), environment.getattr(l_2_rec, 'evidence'), _loop_vars=_loop_vars))),
                    '\n\n',
                ))
        l_2_rec = l_2_facts = l_2__ = missing
        return concat(t_11)
    context.exported_vars.add('recommendations')
    context.vars['recommendations'] = l_0_recommendations = Macro(environment, macro, 'recommendations', ('list', 'with_evidence'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '8=36&9=50&10=64&14=71&16=76&20=83&22=88&28=95&30=103&32=108&40=119&41=125&45=145&46=154&47=156&48=161&49=164&51=168&56=176&61=183&62=190&63=197&65=202&66=204&67=208&68=212&69=216&70=219&73=222&74=226'